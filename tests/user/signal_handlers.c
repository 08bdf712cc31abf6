/*
 * Signal handlers, as Linux runs them: sigaction stores the action and
 * gives the old one back; a handler runs for kill, tgkill (raise), a
 * child's exit (SIGCHLD; ignored, it leaves no zombie) and a write to a
 * pipe with no reader (SIGPIPE), with siginfo under SA_SIGINFO; a blocked
 * signal stays pending until unblocked; the signal is blocked in its own
 * handler unless SA_NODEFER; SA_RESETHAND runs a handler once; abort()
 * ends the process with SIGABRT even if a handler returns.  Each case
 * runs in a child of its own.
 */
#include <signal.h>
#include <stdlib.h>
#include "check.h"

static volatile int hits, last_sig, depth, max_depth;
static volatile pid_t last_pid;
static volatile int last_code, last_status;

static void count(int sig)
{
	hits++;
	last_sig = sig;
}

static void with_info(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	hits++;
	last_sig = sig;
	last_pid = si->si_pid;
	last_code = si->si_code;
	last_status = si->si_status;
}

static int install(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

static int install_info(int sig)
{
	struct sigaction sa = { .sa_sigaction = with_info, .sa_flags = SA_SIGINFO };

	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* The old action comes back as it was set; SIGKILL's cannot be set. */
static int old_actions(void *unused)
{
	struct sigaction sa = { .sa_handler = count, .sa_flags = SA_RESTART }, old;

	(void)unused;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	CHECK_EQ(sigaction(SIGUSR1, &sa, &old), 0);
	CHECK(old.sa_handler == SIG_DFL);
	CHECK_EQ(sigaction(SIGUSR1, NULL, &old), 0);
	CHECK(old.sa_handler == count);
	CHECK(old.sa_flags & SA_RESTART);
	CHECK_EQ(sigismember(&old.sa_mask, SIGUSR2), 1);
	CHECK_EQ(sigismember(&old.sa_mask, SIGTERM), 0);
	CHECK(signal(SIGUSR1, SIG_IGN) == count);
	CHECK(signal(SIGUSR1, SIG_DFL) == SIG_IGN);
	CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(0, &sa, NULL), EINVAL);
	CHECK_ERR(sigaction(65, &sa, NULL), EINVAL);
	CHECK_EQ(sigaction(SIGKILL, NULL, &old), 0);
	return test_result();
}

static int kill_and_raise(void *unused)
{
	(void)unused;
	CHECK_EQ(install_info(SIGUSR1), 0);
	CHECK_EQ(kill(getpid(), SIGUSR1), 0);
	CHECK_EQ(hits, 1);
	CHECK_EQ(last_sig, SIGUSR1);
	CHECK_EQ(last_pid, getpid());
	CHECK_EQ(last_code, SI_USER);
	CHECK_EQ(raise(SIGUSR1), 0);
	CHECK_EQ(hits, 2);
	CHECK_EQ(last_code, SI_TKILL);
	CHECK(signal(SIGUSR1, SIG_IGN) != SIG_ERR);
	CHECK_EQ(raise(SIGUSR1), 0);            /* ignored */
	CHECK_EQ(hits, 2);
	return test_result();
}

/* Blocked, a signal waits, and is taken (once) when unblocked. */
static int blocked_pending(void *unused)
{
	sigset_t set, old, pending;

	(void)unused;
	CHECK_EQ(install(SIGUSR1, count, 0), 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGKILL);               /* silently not blocked */
	CHECK_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
	CHECK_EQ(sigismember(&old, SIGUSR1), 0);
	CHECK_EQ(kill(getpid(), SIGUSR1), 0);
	CHECK_EQ(kill(getpid(), SIGUSR1), 0);
	CHECK_EQ(hits, 0);
	CHECK_EQ(sigpending(&pending), 0);
	CHECK_EQ(sigismember(&pending, SIGUSR1), 1);
	CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &old), 0);
	CHECK_EQ(sigismember(&old, SIGUSR1), 1);
	CHECK_EQ(sigismember(&old, SIGKILL), 0);
	CHECK_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	CHECK_EQ(hits, 1);
	CHECK_EQ(sigpending(&pending), 0);
	CHECK_EQ(sigismember(&pending, SIGUSR1), 0);
	CHECK_ERR(sigprocmask(99, &set, NULL), EINVAL);
	return test_result();
}

static void nest(int sig)
{
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (++hits < 3)
		raise(sig);
	depth--;
}

/* Without SA_NODEFER the raise inside the handler waits for its end. */
static int nodefer(void *arg)
{
	int flags = *(int *)arg;

	CHECK_EQ(install(SIGUSR2, nest, flags), 0);
	raise(SIGUSR2);
	CHECK_EQ(hits, 3);
	return test_result() ? 0 : max_depth;
}

static int resethand(void *unused)
{
	(void)unused;
	CHECK_EQ(install(SIGUSR1, count, SA_RESETHAND), 0);
	raise(SIGUSR1);
	CHECK_EQ(hits, 1);
	CHECK(signal(SIGUSR1, SIG_DFL) == SIG_DFL);
	CHECK_EQ(install(SIGUSR1, count, SA_RESETHAND), 0);
	raise(SIGUSR1);
	raise(SIGUSR1);                         /* the default: ends us */
	return TEST_FAIL;
}

static int sigchld(void *unused)
{
	sigset_t set;
	pid_t pid;
	int status;

	(void)unused;
	CHECK_EQ(install_info(SIGCHLD), 0);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	pid = fork();
	if (pid == 0)
		_exit(7);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EQ(hits, 0);
	CHECK_EQ(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	CHECK_EQ(hits, 1);
	CHECK_EQ(last_sig, SIGCHLD);
	CHECK_EQ(last_pid, pid);
	CHECK_EQ(last_code, CLD_EXITED);
	CHECK_EQ(last_status, 7);
	return test_result();
}

/* Ignoring SIGCHLD leaves no zombie: wait4 waits for the child, then
 * finds nothing to report. */
static int no_zombies(void *unused)
{
	pid_t pid;
	int status;

	(void)unused;
	CHECK(signal(SIGCHLD, SIG_IGN) != SIG_ERR);
	pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK_ERR(waitpid(pid, &status, 0), ECHILD);
	CHECK_ERR(kill(pid, 0), ESRCH);
	return test_result();
}

static int sigpipe(void *arg)
{
	int fds[2], caught = *(int *)arg;

	if (caught)
		CHECK_EQ(install(SIGPIPE, count, 0), 0);
	CHECK_EQ(pipe(fds), 0);
	close(fds[0]);
	CHECK_ERR(write(fds[1], "x", 1), EPIPE);
	CHECK_EQ(hits, 1);
	CHECK_EQ(last_sig, SIGPIPE);
	return test_result();
}

static void returns(int sig)
{
	(void)sig;
	hits++;
}

static int aborts(void *unused)
{
	(void)unused;
	CHECK_EQ(install(SIGABRT, returns, 0), 0);
	abort();
}

int main(void)
{
	int no_flags = 0, nodefer_flag = SA_NODEFER, yes = 1, no = 0;

	CHECK_EXITED(run_in_child(old_actions, NULL), 0);
	CHECK_EXITED(run_in_child(kill_and_raise, NULL), 0);
	CHECK_EXITED(run_in_child(blocked_pending, NULL), 0);
	CHECK_EXITED(run_in_child(nodefer, &no_flags), 1);
	CHECK_EXITED(run_in_child(nodefer, &nodefer_flag), 3);
	CHECK_KILLED(run_in_child(resethand, NULL), SIGUSR1);
	CHECK_EXITED(run_in_child(sigchld, NULL), 0);
	CHECK_EXITED(run_in_child(no_zombies, NULL), 0);
	CHECK_EXITED(run_in_child(sigpipe, &yes), 0);
	CHECK_KILLED(run_in_child(sigpipe, &no), SIGPIPE);
	CHECK_KILLED(run_in_child(aborts, NULL), SIGABRT);
	return test_result();
}
