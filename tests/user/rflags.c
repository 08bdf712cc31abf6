/*
 * The flags a program may set in rflags must not follow it into the
 * kernel.  For each of DF, NT, AC and TF (and IOPL, which popfq in user
 * mode silently leaves alone), a child sets the flag and then
 *
 *   syscall:  writes a message into a pipe (the kernel copies from user
 *             memory), then forks and calls sched_yield with the new
 *             process waiting to run (the kernel switches to it and it
 *             returns to user mode through iretq);
 *   fresh:    writes to a page it never touched (the kernel zeroes a frame);
 *   cow:      writes to a page it shares with its parent since fork (the
 *             kernel copies the page, and under odf the page table first);
 *   preempt:  spins, flag set, while two other processes pass messages
 *             through a pipe, so that the timer interrupts the spin and the
 *             kernel switches to a process that was asleep inside read().
 *
 * and checks the memory, the messages and the flag after the event.  What
 * Linux does: DF and AC come back as the program left them; IOPL stays 0;
 * with TF the process dies of SIGTRAP right after the system call or the
 * faulting write (which took effect), and cannot spin at all.  NT may come
 * back or not (Linux 6.18 on an AMD CPU drops it across a system call and
 * a page fault; forklab always drops it), so only the rest is checked for
 * NT.
 */
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

#define RFLAGS_TF	(1UL << 8)
#define RFLAGS_DF	(1UL << 10)
#define RFLAGS_IOPL	(3UL << 12)
#define RFLAGS_NT	(1UL << 14)
#define RFLAGS_AC	(1UL << 18)

#define NR_WRITE	1		/* Linux x86-64 system call numbers */
#define NR_SCHED_YIELD	24

#define MSG_LEN		512		/* fits in any pipe, so write never blocks */
#define PREEMPT_ROUNDS	64
#define COW_OFFSET	(PAGE_SIZE + 7)	/* a byte in the second shared page */
#define MARK		0x5a
#define SEED_MSG	0x31
#define SEED_COW	0x47
#define SEED_FRESH	0x63
#define EITHER		(~0UL)		/* the flag may come back or not */

/*
 * The flag is set and cleared inside one asm statement, since C code run
 * with DF set would break the ABI.  The pushes go below the red zone,
 * where the compiler may keep data.
 */
#define SET_FLAG	"sub $128, %%rsp\n\tpushfq\n\torq %[flag], (%%rsp)\n\tpopfq\n\t"
#define GET_CLEAR_FLAG	"pushfq\n\tpopq %[after]\n\tpushq %[after]\n\t" \
			"andq %[keep], (%%rsp)\n\tpopfq\n\tadd $128, %%rsp\n\t"

struct flag {
	const char *name;
	unsigned long bit;
	unsigned long after;	/* what a read-back shows of bit, or EITHER */
	int signal;		/* what kills a child that sets it, or 0 */
};

static const struct flag flags[] = {
	{ "DF", RFLAGS_DF, RFLAGS_DF, 0 },
	{ "NT", RFLAGS_NT, EITHER, 0 },
	{ "AC", RFLAGS_AC, RFLAGS_AC, 0 },
	{ "TF", RFLAGS_TF, RFLAGS_TF, SIGTRAP },
	{ "IOPL", RFLAGS_IOPL, 0, 0 },
};

static int msg_pipe[2];
static char msg[MSG_LEN];
static char cow[2 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

static long syscall_flagged(unsigned long flag, long nr, long a1, long a2,
			    long a3, unsigned long *after)
{
	long ret;

	__asm__ volatile(SET_FLAG "syscall\n\t" GET_CLEAR_FLAG
			 : "=a"(ret), [after] "=&r"(*after)
			 : "0"(nr), "D"(a1), "S"(a2), "d"(a3),
			   [flag] "r"(flag), [keep] "r"(~flag)
			 : "rcx", "r11", "memory", "cc");
	return ret;
}

static unsigned long store_flagged(unsigned long flag, volatile char *p)
{
	unsigned long after;

	__asm__ volatile(SET_FLAG "movb %[mark], (%[p])\n\t" GET_CLEAR_FLAG
			 : [after] "=&r"(after)
			 : [p] "r"(p), [mark] "i"(MARK), [flag] "r"(flag),
			   [keep] "r"(~flag)
			 : "memory", "cc");
	return after;
}

static unsigned long spin_flagged(unsigned long flag, volatile long *done)
{
	unsigned long after;

	__asm__ volatile(SET_FLAG "1: pause\n\tcmpq $0, (%[done])\n\tje 1b\n\t"
			 GET_CLEAR_FLAG
			 : [after] "=&r"(after)
			 : [done] "r"(done), [flag] "r"(flag), [keep] "r"(~flag)
			 : "memory", "cc");
	return after;
}

#define CHECK_FLAG(f, rflags) \
	do { \
		unsigned long got_ = (rflags) & (f)->bit; \
		if ((f)->after != EITHER) \
			CHECK_EQ(got_, (f)->after); \
	} while (0)

static int in_syscall(void *arg)
{
	const struct flag *f = arg;
	unsigned long after;
	pid_t pid;
	int status;

	CHECK_EQ(syscall_flagged(f->bit, NR_WRITE, msg_pipe[1], (long)msg,
				 MSG_LEN, &after), MSG_LEN);
	CHECK_FLAG(f, after);
	pid = test_fork();
	if (pid == 0)
		_exit(TEST_PASS);
	CHECK(pid > 0);
	CHECK_EQ(syscall_flagged(f->bit, NR_SCHED_YIELD, 0, 0, 0, &after), 0);
	CHECK_FLAG(f, after);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	return test_result();
}

static int fresh_page(void *arg)
{
	const struct flag *f = arg;
	char *p = mmap(NULL, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *fresh = p + PAGE_SIZE;

	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return test_result();
	fill_pattern(p, PAGE_SIZE, SEED_FRESH);
	fill_pattern(fresh + PAGE_SIZE, PAGE_SIZE, SEED_FRESH);
	CHECK_FLAG(f, store_flagged(f->bit, fresh));
	CHECK_EQ(fresh[0], MARK);
	CHECK(is_zero(fresh + 1, PAGE_SIZE - 1));
	CHECK(holds_pattern(p, PAGE_SIZE, SEED_FRESH));
	CHECK(holds_pattern(fresh + PAGE_SIZE, PAGE_SIZE, SEED_FRESH));
	return test_result();
}

static int cow_page(void *arg)
{
	const struct flag *f = arg;

	CHECK_FLAG(f, store_flagged(f->bit, cow + COW_OFFSET));
	CHECK_EQ(cow[COW_OFFSET], MARK);
	cow[COW_OFFSET] = (char)pattern_byte(COW_OFFSET, SEED_COW);
	CHECK(holds_pattern(cow, sizeof(cow), SEED_COW));
	return test_result();
}

static void check_child(const struct flag *f, const char *event, int status)
{
	int before = *check_failures();

	if (f->signal)
		CHECK_KILLED(status, f->signal);
	else
		CHECK_EXITED(status, 0);
	if (*check_failures() != before)
		fprintf(stderr, "rflags: the child with %s set, %s\n", f->name, event);
}

static void check_syscall(const struct flag *f)
{
	char got[MSG_LEN];

	check_child(f, "system call", run_in_child(in_syscall, (void *)f));
	CHECK_EQ(read(msg_pipe[0], got, MSG_LEN), MSG_LEN);
	CHECK(holds_pattern(got, MSG_LEN, SEED_MSG));
}

static void check_faults(const struct flag *f)
{
	check_child(f, "fresh page", run_in_child(fresh_page, (void *)f));
	check_child(f, "cow page", run_in_child(cow_page, (void *)f));
	CHECK(holds_pattern(cow, sizeof(cow), SEED_COW));
}

/* Sends PREEMPT_ROUNDS messages, each with a pattern of its own. */
static void writer(int fd)
{
	char m[MSG_LEN];

	for (int i = 0; i < PREEMPT_ROUNDS; i++) {
		fill_pattern(m, MSG_LEN, SEED_MSG + i);
		CHECK_EQ(write(fd, m, MSG_LEN), MSG_LEN);
	}
	_exit(test_result());
}

static int read_full(int fd, char *buf, size_t n)
{
	size_t got = 0;
	long r = 1;

	while (got < n && (r = read(fd, buf + got, n - got)) > 0)
		got += r;
	return got == n;
}

static void check_preemption(const struct flag *f, volatile long *done)
{
	int p[2], spin_status, write_status;
	pid_t spinner, sender;
	char m[MSG_LEN];

	*done = 0;
	CHECK_EQ(pipe(p), 0);
	spinner = test_fork();
	if (spinner == 0) {
		CHECK_FLAG(f, spin_flagged(f->bit, done));
		_exit(test_result());
	}
	sender = test_fork();
	if (sender == 0)
		writer(p[1]);
	close(p[1]);
	for (int i = 0; i < PREEMPT_ROUNDS; i++) {
		CHECK(read_full(p[0], m, MSG_LEN));
		CHECK(holds_pattern(m, MSG_LEN, SEED_MSG + i));
	}
	*done = 1;
	close(p[0]);
	CHECK_EQ(waitpid(spinner, &spin_status, 0), spinner);
	CHECK_EQ(waitpid(sender, &write_status, 0), sender);
	check_child(f, "preemption", spin_status);
	CHECK_EXITED(write_status, 0);
}

int main(void)
{
	volatile long *done = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	CHECK(done != MAP_FAILED);
	CHECK_EQ(pipe(msg_pipe), 0);
	if (done == MAP_FAILED || test_result() != TEST_PASS)
		return test_result();
	fill_pattern(msg, MSG_LEN, SEED_MSG);
	fill_pattern(cow, sizeof(cow), SEED_COW);
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		check_syscall(&flags[i]);
		check_faults(&flags[i]);
		check_preemption(&flags[i], done);
	}
	return test_result();
}
