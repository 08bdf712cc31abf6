/*
 * kill and wait4 edges where Linux's behaviour is the rule:
 *
 *   - signal numbers run from 1 to 64 (SIGRTMAX): kill(pid, 64) ends a
 *     process that has no handler, kill(pid, 65) fails with EINVAL;
 *   - SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU stop a process on Linux, and
 *     SIGCONT continues it.  forklab has no job control yet and refuses
 *     them with EINVAL (docs/syscalls.md); either way the target lives on;
 *   - waitpid accepts WCONTINUED;
 *   - wait4 with a status pointer it cannot write reaps the child all the
 *     same and fails with EFAULT; with no child to report it fails with
 *     ECHILD, or returns 0 under WNOHANG, without looking at the pointer.
 *
 * A child that is not stopped or ended in time fails the test instead of
 * hanging it: waits poll, for at most DEADLINE_SEC.
 */
#include <signal.h>
#include <time.h>
#include <sys/utsname.h>
#include "check.h"

#ifndef WIFCONTINUED
#define WIFCONTINUED(s)	((s) == 0xffff)
#endif
#define SIGNAL_MAX	64	/* SIGRTMAX: the highest signal number */
#define FORKLAB		"forklab"
#define BAD_ADDR	((int *)1)	/* in the never-mapped first page */
#define DEADLINE_SEC	10
#define POLL_NS		10000000	/* 10 ms between looks at the child */
#define NS_PER_SEC	1000000000L

static const int stop_signals[] = { SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };
#define NR_STOP_SIGNALS	(sizeof(stop_signals) / sizeof(stop_signals[0]))

/*
 * waitpid(pid, options | WNOHANG) until it reports pid: the status, or
 * NO_STATUS if nothing came within DEADLINE_SEC.
 */
static int wait_bounded(pid_t pid, int options)
{
	const struct timespec poll = { 0, POLL_NS };
	long waited;
	int status;

	for (waited = 0; waited < DEADLINE_SEC * NS_PER_SEC; waited += POLL_NS) {
		if (waitpid(pid, &status, options | WNOHANG) == pid)
			return status;
		nanosleep(&poll, NULL);
	}
	return NO_STATUS;
}

/* A child blocked reading fds[0]: it exits 0 once a byte comes. */
static pid_t blocked_child(int fds[2])
{
	pid_t pid;

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[1]);
		_exit(turn_take(fds[0]) ? TEST_PASS : TEST_FAIL);
	}
	CHECK(pid > 0);
	close(fds[0]);
	return pid;
}

/* Lets the blocked child go and checks that it ends as it should. */
static void release(pid_t pid, int fds[2])
{
	turn_give(fds[1]);
	close(fds[1]);
	CHECK_EXITED(wait_bounded(pid, 0), TEST_PASS);
}

static void test_signal_numbers(void)
{
	int fds[2];
	pid_t pid = blocked_child(fds);

	CHECK_ERR(kill(pid, SIGNAL_MAX + 1), EINVAL);
	CHECK_ERR(kill(pid, -1), EINVAL);
	CHECK_EQ(kill(pid, SIGNAL_MAX), 0);
	CHECK_KILLED(wait_bounded(pid, 0), SIGNAL_MAX);
	close(fds[1]);
}

/* Linux: stopped by sig, then continued by SIGCONT. */
static void stop_and_continue(pid_t pid, int sig)
{
	int status;

	CHECK_EQ(kill(pid, sig), 0);
	status = wait_bounded(pid, WUNTRACED);
	CHECK(status != NO_STATUS && WIFSTOPPED(status));
	if (status != NO_STATUS && WIFSTOPPED(status))
		CHECK_EQ(WSTOPSIG(status), sig);
	CHECK_EQ(kill(pid, SIGCONT), 0);
	status = wait_bounded(pid, WCONTINUED);
	CHECK(status != NO_STATUS && WIFCONTINUED(status));
}

static void test_stop_signals(int forklab)
{
	size_t i;
	int fds[2];

	for (i = 0; i < NR_STOP_SIGNALS; i++) {
		pid_t pid = blocked_child(fds);

		if (forklab) {
			CHECK_ERR(kill(pid, stop_signals[i]), EINVAL);
			CHECK_EQ(kill(pid, SIGCONT), 0);
			CHECK_EQ(waitpid(pid, NULL, WNOHANG | WUNTRACED |
					 WCONTINUED), 0);
		} else {
			stop_and_continue(pid, stop_signals[i]);
		}
		release(pid, fds);
	}
}

static void test_wait_bad_status(void)
{
	int fds[2], status;
	pid_t pid = blocked_child(fds);

	CHECK_EQ(waitpid(pid, BAD_ADDR, WNOHANG), 0);	/* nothing to store */
	turn_give(fds[1]);
	close(fds[1]);
	CHECK_ERR(waitpid(pid, BAD_ADDR, 0), EFAULT);
	CHECK_ERR(waitpid(pid, &status, WNOHANG), ECHILD);	/* reaped */
	CHECK_ERR(waitpid(-1, BAD_ADDR, 0), ECHILD);
}

int main(void)
{
	struct utsname u;

	CHECK_EQ(uname(&u), 0);
	test_signal_numbers();
	test_stop_signals(strcmp(u.sysname, FORKLAB) == 0);
	test_wait_bad_status();
	return test_result();
}
