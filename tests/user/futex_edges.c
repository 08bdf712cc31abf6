/*
 * futex at its edges, with one thread: a word that does not hold the
 * value (EAGAIN), timeouts relative and absolute on both clocks
 * (ETIMEDOUT, not early), a signal (EINTR), bad timeouts, bitsets and
 * counts (EINVAL), a misaligned word (EINVAL), an unmapped or kernel
 * address (EFAULT, never a crash), an unknown operation (ENOSYS).  Waking
 * with nobody waiting wakes nobody.  tests/musl/threads.c has the waits
 * that other threads end.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <time.h>
#include <abi/futex.h>          /* forklab's libc/include, for every C library */
#include "check.h"

#define NR_FUTEX                202
#define NOT_AN_OP               99
#define KERNEL_ADDRESS          0xffffffff80100000UL
#define SHORT_NS                20000000L       /* 20 ms */
#define LONG_SEC                5
#define ALARM_US                20000
#define NS_PER_SEC              1000000000L
#define WORD_VALUE              7

static int word = WORD_VALUE, other;

static long futex(void *addr, long op, unsigned long val, const void *ts, void *addr2,
		  unsigned long val3)
{
	register unsigned long r10 __asm__("r10") = (unsigned long)ts;
	register unsigned long r8 __asm__("r8") = (unsigned long)addr2;
	register unsigned long r9 __asm__("r9") = val3;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(NR_FUTEX), "D"(addr), "S"(op), "d"(val), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

static long now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

static struct timespec at(long ns)
{
	struct timespec ts = { ns / NS_PER_SEC, ns % NS_PER_SEC };

	return ts;
}

static void test_value_and_wake(void)
{
	CHECK_EQ(futex(&word, FUTEX_WAIT, WORD_VALUE + 1, NULL, NULL, 0), -EAGAIN);
	CHECK_EQ(futex(&word, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0), -EAGAIN);
	CHECK_EQ(futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0), 0);
	CHECK_EQ(futex(&word, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 1, NULL, NULL,
		       FUTEX_BITSET_MATCH_ANY), 0);
	CHECK_EQ(futex(&word, FUTEX_REQUEUE, 1, (void *)1, &other, 0), 0);
	CHECK_EQ(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)1, &other, WORD_VALUE), 0);
	CHECK_EQ(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)1, &other, WORD_VALUE + 1), -EAGAIN);
}

static void test_timeouts(void)
{
	struct timespec rel = at(SHORT_NS), abs;
	long start = now_ns(CLOCK_MONOTONIC);

	CHECK_EQ(futex(&word, FUTEX_WAIT, WORD_VALUE, &rel, NULL, 0), -ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - start >= SHORT_NS);

	start = now_ns(CLOCK_MONOTONIC);
	abs = at(start + SHORT_NS);
	CHECK_EQ(futex(&word, FUTEX_WAIT_BITSET, WORD_VALUE, &abs, NULL,
		       FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	CHECK(now_ns(CLOCK_MONOTONIC) - start >= SHORT_NS);

	start = now_ns(CLOCK_REALTIME);
	abs = at(start + SHORT_NS);
	CHECK_EQ(futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, WORD_VALUE, &abs, NULL,
		       FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
	CHECK(now_ns(CLOCK_REALTIME) - start >= SHORT_NS);

	abs = at(0);                    /* long past */
	CHECK_EQ(futex(&word, FUTEX_WAIT_BITSET, WORD_VALUE, &abs, NULL,
		       FUTEX_BITSET_MATCH_ANY), -ETIMEDOUT);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A handler that runs during a timed wait ends it with EINTR. */
static void test_signal(void)
{
	struct itimerval it = { { 0, 0 }, { 0, ALARM_US } };
	struct timespec rel = { LONG_SEC, 0 };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	CHECK_EQ(futex(&word, FUTEX_WAIT, WORD_VALUE, &rel, NULL, 0), -EINTR);
	signal(SIGALRM, SIG_DFL);
}

static void test_bad_arguments(void)
{
	struct timespec bad = { 0, NS_PER_SEC };

	CHECK_EQ(futex(&word, FUTEX_WAIT, WORD_VALUE, &bad, NULL, 0), -EINVAL);
	CHECK_EQ(futex(&word, FUTEX_WAIT, WORD_VALUE, (void *)KERNEL_ADDRESS, NULL, 0), -EFAULT);
	CHECK_EQ(futex((char *)&word + 1, FUTEX_WAIT, WORD_VALUE, NULL, NULL, 0), -EINVAL);
	CHECK_EQ(futex((char *)&word + 2, FUTEX_WAKE, 1, NULL, NULL, 0), -EINVAL);
	CHECK_EQ(futex(&word, FUTEX_WAIT_BITSET, WORD_VALUE, NULL, NULL, 0), -EINVAL);
	CHECK_EQ(futex(&word, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0), -EINVAL);
	CHECK_EQ(futex(&word, FUTEX_CMP_REQUEUE, 1, (void *)-1L, &other, WORD_VALUE), -EINVAL);
	CHECK_EQ(futex(&word, NOT_AN_OP, 0, NULL, NULL, 0), -ENOSYS);
	CHECK_EQ(futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0), -ENOSYS);
}

/* No word there: EFAULT wherever the word must be read. */
static void test_bad_addresses(void)
{
	int *gone = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			 -1, 0);
	int *kernel = (int *)KERNEL_ADDRESS;

	CHECK(gone != MAP_FAILED);
	CHECK_EQ(munmap(gone, PAGE_SIZE), 0);
	CHECK_EQ(futex(gone, FUTEX_WAIT, 0, NULL, NULL, 0), -EFAULT);
	CHECK_EQ(futex(gone, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, NULL, NULL, 0), -EFAULT);
	CHECK_EQ(futex(gone, FUTEX_WAKE, 1, NULL, NULL, 0), -EFAULT);
	CHECK_EQ(futex(gone, FUTEX_CMP_REQUEUE, 1, (void *)1, &other, 0), -EFAULT);
	CHECK_EQ(futex(kernel, FUTEX_WAIT, 0, NULL, NULL, 0), -EFAULT);
	CHECK_EQ(futex(kernel, FUTEX_WAKE, 1, NULL, NULL, 0), -EFAULT);
	CHECK_EQ(futex(kernel, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0), -EFAULT);
	CHECK_EQ(futex(NULL, FUTEX_WAIT, 0, NULL, NULL, 0), -EFAULT);
}

int main(void)
{
	test_value_and_wake();
	test_timeouts();
	test_signal();
	test_bad_arguments();
	test_bad_addresses();
	return test_result();
}
