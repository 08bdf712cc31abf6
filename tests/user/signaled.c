/*
 * Processes ended by signals, as their parent sees them through waitpid.
 * A fault in user mode must end only the process that made it, with the
 * signal Linux uses for it: SIGSEGV for a NULL, kernel, non-canonical or
 * non-executable address, SIGILL for ud2, SIGFPE for an integer division
 * by zero or an overflowing one, SIGTRAP for int3.  And kill() with
 * SIGKILL or SIGTERM must end a child wherever it is: asleep in
 * nanosleep, blocked reading a pipe, or running in a loop.
 */
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <sys/mman.h>
#include "check.h"

#define KERNEL_ADDR		0xffff800000000000UL	/* kernel half */
#define NONCANONICAL_ADDR	0x0000800000000000UL	/* just past user half */
#define RET_INSN		0xc3	/* x86 "ret" */
#define NOT_KILLED		99	/* status of a child that outlived kill */
#define LIFETIME_SEC		30	/* how long such a child waits for it */
#define SETTLE_NS		20000000	/* 20 ms for a child to block */

static volatile int zero = 0, one = 1, minus_one = -1, int_min = INT_MIN;
static volatile int sink;

static int read_addr(void *addr)
{
	volatile uintptr_t a = (uintptr_t)addr;

	sink = *(volatile int *)a;
	return TEST_PASS;
}

static int divide_by_zero(void *unused)
{
	(void)unused;
	sink = one / zero;
	return TEST_PASS;
}

/* The one quotient too big for an int: x86 faults on it as on zero. */
static int divide_overflow(void *unused)
{
	(void)unused;
	sink = int_min / minus_one;
	return TEST_PASS;
}

static int invalid_opcode(void *unused)
{
	(void)unused;
	__asm__ volatile("ud2");
	return TEST_PASS;
}

static int breakpoint(void *unused)
{
	(void)unused;
	__asm__ volatile("int3");
	return TEST_PASS;
}

/* Calls a "ret" written into a page mapped without PROT_EXEC. */
static int execute_data(void *unused)
{
	unsigned char *page = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	(void)unused;
	if (page == MAP_FAILED)
		return TEST_FAIL;
	page[0] = RET_INSN;
	((void (*)(void))page)();
	return TEST_PASS;
}

static void test_faults(void)
{
	CHECK_KILLED(run_in_child(read_addr, NULL), SIGSEGV);
	CHECK_KILLED(run_in_child(read_addr, (void *)KERNEL_ADDR), SIGSEGV);
	CHECK_KILLED(run_in_child(read_addr, (void *)NONCANONICAL_ADDR),
		     SIGSEGV);
	CHECK_KILLED(run_in_child(execute_data, NULL), SIGSEGV);
	CHECK_KILLED(run_in_child(invalid_opcode, NULL), SIGILL);
	CHECK_KILLED(run_in_child(divide_by_zero, NULL), SIGFPE);
	CHECK_KILLED(run_in_child(divide_overflow, NULL), SIGFPE);
	CHECK_KILLED(run_in_child(breakpoint, NULL), SIGTRAP);
}

/* Where a child is when the signal comes. */
enum { ASLEEP, BLOCKED, RUNNING, NR_STATES };

static const char *const state_name[NR_STATES] = {
	"asleep in nanosleep", "blocked reading a pipe", "running a loop",
};

static void sleep_for_life(int fd)
{
	struct timespec life = { LIFETIME_SEC, 0 };

	(void)fd;
	nanosleep(&life, NULL);
}

/* The parent holds the only write end until after its kill. */
static void block_for_life(int fd)
{
	turn_take(fd);
}

static void run_for_life(int fd)
{
	struct timespec start, now;

	(void)fd;
	clock_gettime(CLOCK_MONOTONIC, &start);
	do
		clock_gettime(CLOCK_MONOTONIC, &now);
	while (now.tv_sec - start.tv_sec < LIFETIME_SEC);
}

static void (*const live[NR_STATES])(int) = {
	sleep_for_life, block_for_life, run_for_life,
};

/*
 * The child says it is ready through one pipe, then goes into its state;
 * the parent gives it a moment to get there (it must die either way), and
 * kills it.  Should the signal not work, the child ends its state itself
 * in time, or when the parent closes the other pipe, and exits NOT_KILLED.
 * A test runner may have left SIGTERM ignored, and children inherit that,
 * so the child restores the default first.
 */
static void kill_child(int state, int sig)
{
	struct timespec settle = { 0, SETTLE_NS };
	int ready[2], hold[2], status;
	pid_t pid;

	CHECK_EQ(pipe(ready), 0);
	CHECK_EQ(pipe(hold), 0);
	pid = test_fork();
	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		close(ready[0]);
		close(hold[1]);
		turn_give(ready[1]);
		live[state](hold[0]);
		_exit(NOT_KILLED);
	}
	CHECK(pid > 0);
	close(ready[1]);
	close(hold[0]);
	if (pid > 0 && turn_take(ready[0])) {
		nanosleep(&settle, NULL);
		CHECK_EQ(kill(pid, sig), 0);
	}
	close(hold[1]);
	if (pid > 0) {
		CHECK_EQ(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
			fprintf(stderr, "signaled: a child %s, sent signal "
				"%d:\n", state_name[state], sig);
		CHECK_KILLED(status, sig);
	}
	close(ready[0]);
}

int main(void)
{
	int state;

	test_faults();
	for (state = 0; state < NR_STATES; state++) {
		kill_child(state, SIGKILL);
		kill_child(state, SIGTERM);
	}
	return test_result();
}
