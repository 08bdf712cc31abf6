/*
 * What signal state a process passes on.  fork: the child has the
 * parent's handlers (a copy: changing them does not change the parent's),
 * ignored signals, mask and alternate stack, and none of its pending
 * signals nor its alarm.  execve: caught signals go back to their default (the handler
 * is gone with the old program), ignored ones stay ignored, and the mask
 * stays.  The program runs itself (argv[0]) to look from the other side.
 */
#include <signal.h>
#include "check.h"

#define AFTER_EXEC	"after-exec"
#define ALARM_SECONDS	100	/* never due while the test runs */

static volatile int hits;

static void count(int sig)
{
	(void)sig;
	hits++;
}

/* The state both checks start from: SIGUSR1 caught, SIGUSR2 ignored,
 * SIGTERM blocked and pending. */
static void set_up(void)
{
	struct sigaction sa = { .sa_handler = count };
	sigset_t term;

	sigemptyset(&sa.sa_mask);
	CHECK_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	sa.sa_handler = SIG_IGN;
	CHECK_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &term, NULL), 0);
	CHECK_EQ(raise(SIGTERM), 0);
}

static void check_kept(int after_exec)
{
	struct sigaction old;
	sigset_t mask, pending;

	CHECK_EQ(sigaction(SIGUSR1, NULL, &old), 0);
	if (after_exec)
		CHECK(old.sa_handler == SIG_DFL);
	else
		CHECK(old.sa_handler == count);
	CHECK_EQ(sigaction(SIGUSR2, NULL, &old), 0);
	CHECK(old.sa_handler == SIG_IGN);
	CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &mask), 0);
	CHECK_EQ(sigismember(&mask, SIGTERM), 1);
	CHECK_EQ(sigpending(&pending), 0);
	CHECK_EQ(sigismember(&pending, SIGTERM), after_exec);
}

static char altstack[SIGSTKSZ];

/* The child's alternate stack is the parent's. */
static void check_altstack(void)
{
	stack_t now;

	CHECK_EQ(sigaltstack(NULL, &now), 0);
	CHECK(now.ss_sp == altstack);
	CHECK_EQ(now.ss_size, sizeof(altstack));
	CHECK_EQ(now.ss_flags, 0);
}

static int forked(void *unused)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	pid_t pid;
	int status;

	(void)unused;
	set_up();
	CHECK_EQ(sigaltstack(&ss, NULL), 0);
	CHECK_EQ(alarm(ALARM_SECONDS), 0);
	pid = test_fork();
	if (pid == 0) {
		CHECK_EQ(alarm(0), 0);          /* the parent's is not the child's */
		check_kept(0);
		check_altstack();
		CHECK_EQ(raise(SIGUSR1), 0);
		CHECK_EQ(hits, 1);
		CHECK_EQ(sigaction(SIGUSR1, &ign, NULL), 0);
		_exit(test_result());
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK(alarm(0) > 0);                    /* still the parent's */
	CHECK_EQ(hits, 0);
	CHECK_EQ(sigaction(SIGUSR1, NULL, &old), 0);
	CHECK(old.sa_handler == count);
	return test_result();
}

static int execed(void *self)
{
	char *argv[] = { self, AFTER_EXEC, NULL };

	set_up();
	execv(self, argv);
	return TEST_FAIL;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], AFTER_EXEC)) {
		check_kept(1);
		return test_result();
	}
	CHECK_EXITED(run_in_child(forked, NULL), 0);
	CHECK_EXITED(run_in_child(execed, argv[0]), 0);
	return test_result();
}
