/*
 * What POSIX says belongs to the process rather than to one of its
 * threads, checked with a real C library's threads (musl-gcc or gcc
 * -static -pthread):
 *   - a signal sent to the process stays pending for the process while
 *     every thread blocks it, sigpending shows it in every thread, and the
 *     first thread to unblock it (or sigwait for it) takes it;
 *   - a fatal signal ends every thread.
 * Every check runs in a forked child, once in each fork mode.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <forklab.h>

#define WAIT_SEC        5               /* a signal that never comes: give up */
#define FATAL_STATUS    9               /* the child's status if it survived */

static int fails;

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "thread_signals.c:%d: check failed: %s\n", __LINE__, #cond); \
	fails++; } } while (0)

static pid_t gettid_(void)
{
	return (pid_t)syscall(SYS_gettid);
}

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

static pthread_t start(void *(*fn)(void *))
{
	pthread_t t;

	if (pthread_create(&t, NULL, fn, NULL) != 0)
		_exit(2);
	return t;
}

static void *join(pthread_t t)
{
	void *r = NULL;

	pthread_join(t, &r);
	return r;
}

/* --- late unblock: kill while every thread blocks SIGUSR1 ---------------- */

static volatile pid_t handled_by;
static volatile int sent;

static void note_handler(int sig)
{
	(void)sig;
	handled_by = gettid_();
}

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

	signal(SIGUSR1, note_handler);
	block(SIGUSR1, SIG_BLOCK);
	t = start(unblock_later);
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
	CHECK((long)join(start(wait_usr2)) == SIGUSR2);
	kill(getpid(), SIGUSR2);
	CHECK((long)join(start(wait_usr2)) == SIGUSR2);
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
	start(sleep_long);
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

static int all_checks(void)
{
	int failed = 0;

	failed += in_child(late_unblock);
	failed += in_child(sigwait_other_thread);
	failed += in_child(fatal_signal);
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
