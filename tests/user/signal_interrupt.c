/*
 * Signals that cut blocking calls short.  A handler without SA_RESTART
 * makes a pipe read, wait4 and nanosleep fail with EINTR (nanosleep with
 * the time left); with SA_RESTART the read and wait4 go on as if nothing
 * happened, and nanosleep still fails.  pause and sigsuspend return EINTR
 * once a handler has run, sigsuspend with the old mask back; sigtimedwait
 * takes a signal without a handler, or times out.  The sources
 * are alarm and setitimer(ITIMER_REAL), one-shot and periodic.
 */
#include <signal.h>
#include <time.h>
#include <sys/time.h>
#include "check.h"

#define SHORT_US	50000		/* the timer that interrupts a call */
#define TICK_US		20000		/* a periodic timer's interval */
#define LONG_SEC	5		/* a sleep the timer interrupts */
#define PERIODS		3

static volatile int hits;
static int pipe_w = -1;
static pid_t victim;

static void count(int sig)
{
	(void)sig;
	hits++;
}

/* Unblocks the call it interrupts, should the call be restarted. */
static void unblock(int sig)
{
	(void)sig;
	hits++;
	if (pipe_w >= 0)
		CHECK_EQ(write(pipe_w, "x", 1), 1);
	if (victim > 0)
		kill(victim, SIGKILL);
}

static void on(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = { .sa_handler = fn, .sa_flags = flags };

	sigemptyset(&sa.sa_mask);
	CHECK_EQ(sigaction(sig, &sa, NULL), 0);
}

static void timer_us(long us, long interval_us)
{
	struct itimerval it = { { 0, interval_us }, { us / 1000000, us % 1000000 } };

	CHECK_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
}

static int alarm_pause(void *unused)
{
	(void)unused;
	on(SIGALRM, count, 0);
	CHECK_EQ(alarm(LONG_SEC), 0);
	CHECK(alarm(1) >= LONG_SEC - 1);
	CHECK_ERR(pause(), EINTR);
	CHECK_EQ(hits, 1);
	CHECK_EQ(alarm(0), 0);
	return test_result();
}

static int periodic(void *unused)
{
	struct itimerval it;

	(void)unused;
	on(SIGALRM, count, 0);
	timer_us(TICK_US, TICK_US);
	while (hits < PERIODS)
		pause();
	timer_us(0, 0);
	CHECK_EQ(getitimer(ITIMER_REAL, &it), 0);
	CHECK_EQ(it.it_value.tv_sec, 0);
	CHECK_EQ(it.it_value.tv_usec, 0);
	CHECK_ERR(setitimer(99, &it, NULL), EINVAL);
	return test_result();
}

static int pipe_read(void *arg)
{
	int restart = *(int *)arg, fds[2];
	char c;

	CHECK_EQ(pipe(fds), 0);
	pipe_w = fds[1];
	on(SIGALRM, unblock, restart ? SA_RESTART : 0);
	timer_us(SHORT_US, 0);
	if (restart)
		CHECK_EQ(read(fds[0], &c, 1), 1);
	else
		CHECK_ERR(read(fds[0], &c, 1), EINTR);
	CHECK_EQ(hits, 1);
	return test_result();
}

static int wait_child(void *arg)
{
	int restart = *(int *)arg, status = 0;

	victim = fork();
	if (victim == 0) {
		for (;;)
			pause();
	}
	on(SIGALRM, unblock, restart ? SA_RESTART : 0);
	timer_us(SHORT_US, 0);
	if (restart) {
		CHECK_EQ(waitpid(victim, &status, 0), victim);
		CHECK_KILLED(status, SIGKILL);
	} else {
		CHECK_ERR(waitpid(victim, &status, 0), EINTR);
		CHECK_EQ(waitpid(victim, &status, 0), victim);
	}
	CHECK_EQ(hits, 1);
	return test_result();
}

static int sleep_cut(void *arg)
{
	struct timespec want = { LONG_SEC, 0 }, left = { 0, 0 };

	on(SIGALRM, count, *(int *)arg ? SA_RESTART : 0);
	timer_us(SHORT_US, 0);
	CHECK_ERR(nanosleep(&want, &left), EINTR);
	CHECK(left.tv_sec >= LONG_SEC - 2 && left.tv_sec < LONG_SEC);
	CHECK_EQ(hits, 1);
	return test_result();
}

static int suspend(void *unused)
{
	sigset_t usr1, none, now;

	(void)unused;
	on(SIGUSR1, count, 0);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&none);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &usr1, NULL), 0);
	raise(SIGUSR1);
	CHECK_EQ(hits, 0);
	CHECK_ERR(sigsuspend(&none), EINTR);
	CHECK_EQ(hits, 1);
	CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &now), 0);
	CHECK_EQ(sigismember(&now, SIGUSR1), 1);
	return test_result();
}

/* rt_sigtimedwait takes a blocked signal itself, even one whose action
 * is to ignore it (SIGCHLD), or gives up at the timeout. */
static int timed_wait(void *unused)
{
	struct timespec now = { 0, 0 }, soon = { 0, SHORT_US * 1000 };
	sigset_t set;
	siginfo_t si;
	pid_t pid;
	int sig = 0;

	(void)unused;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGCHLD);
	CHECK_EQ(sigprocmask(SIG_BLOCK, &set, NULL), 0);
	CHECK_ERR(sigtimedwait(&set, &si, &now), EAGAIN);
	CHECK_ERR(sigtimedwait(&set, &si, &soon), EAGAIN);
	raise(SIGUSR1);
	CHECK_EQ(sigtimedwait(&set, &si, &now), SIGUSR1);
	CHECK_EQ(si.si_signo, SIGUSR1);
	pid = test_fork();
	if (pid == 0)
		_exit(3);
	CHECK_EQ(sigwait(&set, &sig), 0);
	CHECK_EQ(sig, SIGCHLD);
	CHECK_EQ(waitpid(pid, NULL, 0), pid);
	return test_result();
}

int main(void)
{
	int yes = 1, no = 0;

	CHECK_EXITED(run_in_child(alarm_pause, NULL), 0);
	CHECK_EXITED(run_in_child(periodic, NULL), 0);
	CHECK_EXITED(run_in_child(pipe_read, &no), 0);
	CHECK_EXITED(run_in_child(pipe_read, &yes), 0);
	CHECK_EXITED(run_in_child(wait_child, &no), 0);
	CHECK_EXITED(run_in_child(wait_child, &yes), 0);
	CHECK_EXITED(run_in_child(sleep_cut, &no), 0);
	CHECK_EXITED(run_in_child(sleep_cut, &yes), 0);
	CHECK_EXITED(run_in_child(suspend, NULL), 0);
	CHECK_EXITED(run_in_child(timed_wait, NULL), 0);
	return test_result();
}
