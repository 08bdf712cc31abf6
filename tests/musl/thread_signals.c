/*
 * What POSIX says belongs to the process rather than to one of its
 * threads, checked with a real C library's threads (musl-gcc or gcc
 * -static -pthread):
 *   - a signal sent to the process stays pending for the process while
 *     every thread blocks it, sigpending shows it in every thread, and the
 *     first thread to unblock it (or sigwait for it) takes it;
 *   - a fatal signal ends every thread;
 *   - setpgid, setsid, setrlimit and forklab's PR_SET_FORK_MODE in a
 *     thread change the whole process;
 *   - an interval timer set by a thread is the process's: it outlives the
 *     thread, getitimer sees it in another, and it fires once.
 * Every check runs in a forked child, once in each fork mode.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <forklab.h>
#include "thread_test.h"

#define WAIT_SEC        5               /* a signal that never comes: give up */
#define TIMER_USEC      20000           /* 20 ms */
#define FATAL_STATUS    9               /* the child's status if it survived */
#define FEW_FILES       20              /* an RLIMIT_NOFILE below the default */
#define FORK_MODES      (FORK_MODE_HODF + 1)

static void block(int sig, int how)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	pthread_sigmask(how, &set, NULL);
}

static int is_pending(int sig)
{
	sigset_t set;

	return sigpending(&set) == 0 && sigismember(&set, sig);
}

/* Runs fn in a forked child: 0 if it exited with 0. */
static int in_child(int (*fn)(void))
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(fn());
	waitpid(pid, &status, 0);
	return !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void *join(pthread_t t)
{
	void *r = NULL;

	pthread_join(t, &r);
	return r;
}

/* --- late unblock: kill while every thread blocks SIGUSR1 ---------------- */

static volatile int sent;

/* Inherits the block; sees the signal pending, unblocks, takes it. */
static void *unblock_later(void *arg)
{
	(void)arg;
	while (!sent)
		sched_yield();
	if (!is_pending(SIGUSR1) || handled_by)
		return (void *)1;
	block(SIGUSR1, SIG_UNBLOCK);
	return (void *)(long)(handled_by != gettid_());
}

static int late_unblock(void)
{
	pthread_t t;

	signal(SIGUSR1, note_tid);
	block(SIGUSR1, SIG_BLOCK);
	t = start(unblock_later, NULL);
	kill(getpid(), SIGUSR1);
	CHECK(is_pending(SIGUSR1));
	sent = 1;
	CHECK(join(t) == NULL);
	CHECK(!is_pending(SIGUSR1));    /* taken by the thread, for the process */
	return fails;
}

/* --- sigwait in one thread for a signal every thread blocks ------------- */

static void *wait_usr2(void *arg)
{
	sigset_t set;
	struct timespec limit = { WAIT_SEC, 0 };

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	return (void *)(long)sigtimedwait(&set, NULL, &limit);
}

static int sigwait_other_thread(void)
{
	block(SIGUSR2, SIG_BLOCK);
	kill(getpid(), SIGUSR2);        /* before the waiter even exists */
	CHECK((long)join(start(wait_usr2, NULL)) == SIGUSR2);
	kill(getpid(), SIGUSR2);
	CHECK((long)join(start(wait_usr2, NULL)) == SIGUSR2);
	CHECK(!is_pending(SIGUSR2));
	return fails;
}

/* --- a fatal signal ends the process, whichever thread takes it --------- */

static void *sleep_long(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

static int fatal_in_thread(void)
{
	start(sleep_long, NULL);
	block(SIGTERM, SIG_BLOCK);      /* only the new thread may take it */
	kill(getpid(), SIGTERM);
	for (int i = 0; i < 1000; i++)
		sched_yield();
	return FATAL_STATUS;            /* still alive: wrong */
}

static int fatal_signal(void)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(fatal_in_thread());
	waitpid(pid, &status, 0);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	return fails;
}

/* --- process groups and sessions set from a thread ---------------------- */

static void *new_group(void *arg)
{
	(void)arg;
	return (void *)(long)setpgid(0, 0);
}

static void *new_session(void *arg)
{
	(void)arg;
	return (void *)(long)setsid();
}

static void *group_seen(void *arg)
{
	(void)arg;
	return (void *)(long)(getpgrp() == getpid() && getsid(0) == getpid());
}

static void *limit_files(void *arg)
{
	struct rlimit r = { FEW_FILES, FEW_FILES };

	(void)arg;
	return (void *)(long)setrlimit(RLIMIT_NOFILE, &r);
}

static int ids_from_thread(void)
{
	pid_t me = getpid(), group = getpgrp();

	CHECK(join(start(new_group, NULL)) == NULL);
	CHECK(getpgrp() == me);
	CHECK(getpgid(0) == me);
	CHECK(setpgid(0, group) == 0);  /* back: setsid needs a process that leads no group */
	CHECK((long)join(start(new_session, NULL)) == me);
	CHECK(getsid(0) == me && getpgrp() == me);
	CHECK(join(start(group_seen, NULL)) == (void *)1L);
	return fails;
}

static int limits_from_thread(void)
{
	struct rlimit r;

	CHECK(join(start(limit_files, NULL)) == NULL);
	CHECK(getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == FEW_FILES);
	return fails;
}

static void *next_fork_mode(void *arg)
{
	long mode = prctl(PR_GET_FORK_MODE, 0UL, 0UL, 0UL, 0UL);

	(void)arg;
	return (void *)(long)prctl(PR_SET_FORK_MODE, (unsigned long)(mode + 1) % FORK_MODES,
				   0UL, 0UL, 0UL);
}

static int fork_mode_from_thread(void)
{
	long mode = prctl(PR_GET_FORK_MODE, 0UL, 0UL, 0UL, 0UL);

	CHECK(join(start(next_fork_mode, NULL)) == NULL);
	CHECK(prctl(PR_GET_FORK_MODE, 0UL, 0UL, 0UL, 0UL) == (mode + 1) % FORK_MODES);
	return fails;
}

/* --- an interval timer set by a thread that then ends ------------------- */

static volatile int alarms;

static void count_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void *set_timer(void *arg)
{
	struct itimerval it = { { 0, 0 }, { 0, TIMER_USEC } };

	(void)arg;
	block(SIGALRM, SIG_BLOCK);
	return (void *)(long)setitimer(ITIMER_REAL, &it, NULL);
}

static int timer_from_thread(void)
{
	struct itimerval now;
	sigset_t set;
	struct timespec limit = { WAIT_SEC, 0 }, short_wait = { 0, 100000000 };

	signal(SIGALRM, count_alarm);
	block(SIGALRM, SIG_BLOCK);
	CHECK(join(start(set_timer, NULL)) == NULL);
	CHECK(getitimer(ITIMER_REAL, &now) == 0);
	CHECK(now.it_value.tv_usec > 0 || now.it_value.tv_sec > 0 || is_pending(SIGALRM));
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	CHECK(sigtimedwait(&set, NULL, &limit) == SIGALRM);
	CHECK(sigtimedwait(&set, NULL, &short_wait) == -1 && errno == EAGAIN);
	alarm(1);                       /* alarm cancels it, and says what was left */
	CHECK(alarm(0) == 1);
	CHECK(alarms == 0);
	return fails;
}

static int all_checks(void)
{
	int failed = 0;

	failed += in_child(late_unblock);
	failed += in_child(sigwait_other_thread);
	failed += in_child(fatal_signal);
	failed += in_child(ids_from_thread);
	failed += in_child(limits_from_thread);
	failed += in_child(fork_mode_from_thread);
	failed += in_child(timer_from_thread);
	return failed;
}

int main(void)
{
	static const char *const modes[] = { "copy", "cow", "odf", "hodf" };
	int failed = 0;

	for (unsigned long m = FORK_MODE_COPY; m <= FORK_MODE_HODF; m++) {
		if (prctl(PR_SET_FORK_MODE, m, 0UL, 0UL, 0UL) != 0) {
			fprintf(stderr, "thread_signals: no fork mode %s\n", modes[m]);
			return 1;
		}
		if (all_checks()) {
			fprintf(stderr, "thread_signals: failed in %s mode\n", modes[m]);
			failed++;
		}
	}
	printf("thread_signals: %d fork modes failed\n", failed);
	return failed != 0;
}
