/*
 * What the C libraries build on futex beyond one process's mutexes
 * (musl-gcc or gcc -static -pthread):
 *   - FUTEX_WAKE_OP: each operation and comparison, bad ones, and who it
 *     wakes on both words;
 *   - a PTHREAD_PROCESS_SHARED mutex and condition variable in MAP_SHARED
 *     memory, between a parent and its child, so one process's unlock
 *     wakes a waiter of another;
 *   - robust mutexes: a thread that ends holding one (by pthread_exit, or
 *     without the C library's help by a bare exit system call) leaves it
 *     marked, and the next locker, asleep or not, gets EOWNERDEAD; so does
 *     a process that ends holding a shared one; get_robust_list, which
 *     musl asks before it makes a mutex robust; a robust list that loops
 *     or points nowhere ends nothing but the thread.
 * A waiter is known to sleep when /proc says so.  The checks that fork
 * run once in each fork mode.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <forklab.h>
#include "thread_test.h"

#define WAIT_SEC        10              /* a waiter never woken: give up */
#define ASLEEP_TRIES    100000          /* /proc reads before a waiter counts as lost */
#define STAT_LEN        256

/* Linux's futex operations and FUTEX_WAKE_OP's encoding (linux/futex.h). */
#define FUTEX_WAIT_PRIVATE      128
#define FUTEX_WAKE_PRIVATE      129
#define FUTEX_WAKE_OP_PRIVATE   133
#define OP_SET  0
#define OP_ADD  1
#define OP_OR   2
#define OP_ANDN 3
#define OP_XOR  4
#define OP_BAD  5
#define OP_ARG_SHIFT 8
#define CMP_EQ  0
#define CMP_NE  1
#define CMP_LT  2
#define CMP_GE  5
#define CMP_BAD 6
#define WAKE_OP(op, oparg, cmp, cmparg) \
	((uint32_t)(op) << 28 | (uint32_t)(cmp) << 24 | \
	 ((uint32_t)(oparg) & 0xfff) << 12 | ((uint32_t)(cmparg) & 0xfff))

static long futex(volatile uint32_t *w, int op, uint32_t val, long val2,
		  volatile uint32_t *w2, uint32_t val3)
{
	return syscall(SYS_futex, w, op, val, val2, w2, val3);
}

/* The state letter of thread or process id in /proc, or 0. */
static char state_of(pid_t id)
{
	char path[64], buf[STAT_LEN] = { 0 }, *end;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)id);
	if ((fd = open(path, O_RDONLY)) < 0)
		return 0;
	if (read(fd, buf, sizeof(buf) - 1) < 0)
		buf[0] = 0;
	close(fd);
	end = strrchr(buf, ')');
	return end && end[1] == ' ' ? end[2] : 0;
}

/* 1 once id sleeps, 0 if it never does. */
static int asleep(pid_t id)
{
	for (int i = 0; i < ASLEEP_TRIES; i++) {
		if (state_of(id) == 'S')
			return 1;
		sched_yield();
	}
	return 0;
}

/* Runs fn in a forked child, which has WAIT_SEC to end: 0 if it exited with 0. */
#define in_child(fn) run_child(fn, #fn)
static int run_child(int (*fn)(void), const char *name)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		alarm(WAIT_SEC);
		_exit(fn());
	}
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status))
		fprintf(stderr, "futex_shared_robust: %s ended by signal %d\n", name,
			WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* --- FUTEX_WAKE_OP ------------------------------------------------------- */

static volatile uint32_t word1, word2;
static volatile pid_t waiter_tid[2];

static void *wait_word(void *arg)
{
	long i = (long)arg;
	volatile uint32_t *w = i ? &word2 : &word1;

	waiter_tid[i] = gettid_();
	return (void *)futex(w, FUTEX_WAIT_PRIVATE, *w, 0, NULL, 0);
}

/* Two waiters, one on each word, both asleep. */
static void start_waiters(pthread_t t[2])
{
	waiter_tid[0] = waiter_tid[1] = 0;
	for (long i = 0; i < 2; i++) {
		t[i] = start(wait_word, (void *)i);
		while (!waiter_tid[i])
			sched_yield();
		CHECK(asleep(waiter_tid[i]));
	}
}

static void join_woken(pthread_t t)
{
	void *r = (void *)-1L;

	pthread_join(t, &r);
	CHECK(r == NULL);
}

static int wake_op_values(void)
{
	word2 = 1;
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, WAKE_OP(OP_SET, 7, CMP_EQ, 1)) == 0);
	CHECK(word2 == 7);
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, WAKE_OP(OP_ADD, -3, CMP_NE, 7)) == 0);
	CHECK(word2 == 4);
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2,
		    WAKE_OP(OP_OR | OP_ARG_SHIFT, 4, CMP_LT, 0)) == 0);
	CHECK(word2 == 20);
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, WAKE_OP(OP_ANDN, 4, CMP_GE, 0)) == 0);
	CHECK(word2 == 16);
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, WAKE_OP(OP_XOR, 0xff, CMP_EQ, 0)) == 0);
	CHECK(word2 == 0xef);
	errno = 0;
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, WAKE_OP(OP_BAD, 1, CMP_EQ, 0)) == -1 &&
	      errno == ENOSYS);
	CHECK(word2 == 0xef);
	errno = 0;                      /* Linux changes the word, then sees the comparison */
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, WAKE_OP(OP_SET, 1, CMP_BAD, 0)) == -1 &&
	      errno == ENOSYS);
	CHECK(word2 == 1);
	errno = 0;
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, NULL, WAKE_OP(OP_SET, 1, CMP_EQ, 0)) == -1 &&
	      errno == EFAULT);
	errno = 0;
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, (volatile uint32_t *)((char *)&word2 + 1),
		    WAKE_OP(OP_SET, 1, CMP_EQ, 0)) == -1 && errno == EINVAL);
	return fails;
}

static int wake_op_wakes(void)
{
	pthread_t t[2];

	word1 = 0;
	word2 = 3;
	start_waiters(t);               /* the comparison holds: both wake */
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, WAKE_OP(OP_ADD, 0, CMP_EQ, 3)) == 2);
	join_woken(t[0]);
	join_woken(t[1]);
	start_waiters(t);               /* it does not: word1's waiter alone */
	CHECK(futex(&word1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &word2, WAKE_OP(OP_ADD, 0, CMP_NE, 3)) == 1);
	join_woken(t[0]);
	CHECK(asleep(waiter_tid[1]));
	CHECK(futex(&word2, FUTEX_WAKE_PRIVATE, 1, 0, NULL, 0) == 1);
	join_woken(t[1]);
	return fails;
}

/* --- a process-shared mutex and condition variable ----------------------- */

struct shared {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	volatile int ready, value;
};

static struct shared *shared_new(int robust)
{
	struct shared *s = mmap(NULL, sizeof(*s), PROT_READ | PROT_WRITE,
				MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pthread_mutexattr_t ma;
	pthread_condattr_t ca;

	if (s == MAP_FAILED)
		_exit(2);
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
	if (robust)
		CHECK(pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST) == 0);
	pthread_mutex_init(&s->lock, &ma);
	pthread_condattr_init(&ca);
	pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
	pthread_cond_init(&s->cond, &ca);
	return s;
}

/* The child: waits for the lock its parent holds, then for value 2. */
static int shared_child(struct shared *s)
{
	s->ready = 1;
	pthread_mutex_lock(&s->lock);
	s->value = 1;
	while (s->value != 2)
		pthread_cond_wait(&s->cond, &s->lock);
	pthread_mutex_unlock(&s->lock);
	return 0;
}

static int pshared_across_fork(void)
{
	struct shared *s = shared_new(0);
	int status = -1, seen = 0;
	pid_t pid;

	pthread_mutex_lock(&s->lock);
	pid = fork();
	if (pid == 0)
		_exit(shared_child(s));
	while (!s->ready)
		sched_yield();
	CHECK(asleep(pid));             /* in the lock, in the kernel */
	pthread_mutex_unlock(&s->lock);
	while (!seen) {
		pthread_mutex_lock(&s->lock);
		seen = s->value == 1;
		pthread_mutex_unlock(&s->lock);
	}
	CHECK(asleep(pid));             /* in the condition variable's wait */
	pthread_mutex_lock(&s->lock);
	s->value = 2;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	munmap(s, sizeof(*s));
	return fails;
}

/* --- robust mutexes -------------------------------------------------------- */

static pthread_mutex_t robust;
static volatile pid_t holder_tid, locker_tid;

enum { WAIT_LOCKER = 1, BARE_EXIT = 2 };

/*
 * Takes the lock and ends, once the locker sleeps on it if WAIT_LOCKER;
 * with BARE_EXIT by the exit system call, without a word to the C
 * library, so that only the kernel can mark the lock.  (glibc leaves
 * robust locks to the kernel either way; musl marks its private ones in
 * pthread_exit and registers its list with the kernel for shared ones.)
 */
static void *die_holding(void *arg)
{
	long how = (long)arg;

	pthread_mutex_lock(&robust);
	holder_tid = gettid_();
	if (how & WAIT_LOCKER)
		while (!locker_tid || !asleep(locker_tid))
			sched_yield();
	if (how & BARE_EXIT)
		syscall(SYS_exit, 0);
	return NULL;
}

static void robust_init(pthread_mutex_t *m, int pshared)
{
	pthread_mutexattr_t ma;

	pthread_mutexattr_init(&ma);
	CHECK(pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST) == 0);
	if (pshared)
		pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
	CHECK(pthread_mutex_init(m, &ma) == 0);
}

/* The next locker gets EOWNERDEAD, makes it consistent, and it works. */
static void owner_dead(pthread_mutex_t *m, int r)
{
	CHECK(r == EOWNERDEAD);
	CHECK(pthread_mutex_consistent(m) == 0);
	CHECK(pthread_mutex_unlock(m) == 0);
	CHECK(pthread_mutex_lock(m) == 0);
	CHECK(pthread_mutex_unlock(m) == 0);
}

static int robust_thread(long how)
{
	pthread_t t;

	robust_init(&robust, how & BARE_EXIT);
	t = start(die_holding, (void *)how);
	while (!holder_tid)
		sched_yield();
	while (!(how & WAIT_LOCKER) && state_of(holder_tid))
		sched_yield();          /* gone */
	locker_tid = gettid_();
	owner_dead(&robust, pthread_mutex_lock(&robust));
	if (!(how & BARE_EXIT))
		pthread_join(t, NULL);  /* which a bare exit skips the end of */
	return fails;
}

static int robust_thread_sleeper(void)
{
	return robust_thread(WAIT_LOCKER | BARE_EXIT);
}

static int robust_thread_later(void)
{
	return robust_thread(BARE_EXIT);
}

static int robust_pthread_exit(void)
{
	return robust_thread(WAIT_LOCKER);
}

/* A process ends holding a shared robust mutex while its parent waits. */
static int robust_process(void)
{
	struct shared *s = shared_new(1);
	pid_t parent = getpid(), pid;

	pid = fork();

	if (pid == 0) {
		pthread_mutex_lock(&s->lock);
		s->ready = 1;
		while (!asleep(parent))
			sched_yield();
		_exit(0);
	}
	while (!s->ready)
		sched_yield();
	owner_dead(&s->lock, pthread_mutex_lock(&s->lock));
	waitpid(pid, NULL, 0);
	munmap(s, sizeof(*s));
	return fails;
}

/* Linux's struct robust_list_head, and a list entry that points at itself. */
struct robust_head {
	void *list;
	long futex_offset;
	void *pending;
};

static int exit_with_list(struct robust_head *head)
{
	void *got = NULL;
	size_t len = 0;

	syscall(SYS_set_robust_list, head, sizeof(*head));
	if (syscall(SYS_get_robust_list, 0, &got, &len) != 0 || got != head || len != sizeof(*head))
		return 1;
	syscall(SYS_exit, 0);           /* the only thread: the process ends */
	return 1;
}

static int robust_list_bad(void)
{
	static void *loop[2] = { loop, 0 };
	struct robust_head looping = { loop, sizeof(void *), NULL };
	struct robust_head nowhere = { (void *)0x1000, 0, (void *)0x2000 };
	int status = -1;
	pid_t pid;
	void *got;
	size_t len;

	errno = 0;
	CHECK(syscall(SYS_set_robust_list, &looping, sizeof(looping) - 1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK(syscall(SYS_get_robust_list, -1, &got, &len) == -1 && errno == ESRCH);
	errno = 0;
	CHECK(syscall(SYS_get_robust_list, 0, NULL, &len) == -1 && errno == EFAULT);
	for (int i = 0; i < 2; i++) {
		if ((pid = fork()) == 0)
			_exit(exit_with_list(i ? &nowhere : &looping));
		waitpid(pid, &status, 0);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	return fails;
}

static int forking_checks(void)
{
	int failed = 0;

	failed += in_child(pshared_across_fork);
	failed += in_child(robust_process);
	failed += in_child(robust_list_bad);
	return failed;
}

int main(void)
{
	static const char *const modes[] = { "copy", "cow", "odf", "hodf" };
	int failed = 0;

	failed += in_child(wake_op_values);
	failed += in_child(wake_op_wakes);
	failed += in_child(robust_thread_sleeper);
	failed += in_child(robust_thread_later);
	failed += in_child(robust_pthread_exit);
	for (unsigned long m = FORK_MODE_COPY; m <= FORK_MODE_HODF; m++) {
		if (prctl(PR_SET_FORK_MODE, m, 0UL, 0UL, 0UL) != 0) {
			fprintf(stderr, "futex_shared_robust: no fork mode %s\n", modes[m]);
			return 1;
		}
		if (forking_checks()) {
			fprintf(stderr, "futex_shared_robust: failed in %s mode\n", modes[m]);
			failed++;
		}
	}
	printf("futex_shared_robust: %d checks failed\n", failed);
	return failed != 0;
}
