/*
 * POSIX threads as programs use them, built with a real C library
 * (musl-gcc or gcc -static, with -pthread): create and join, a mutex and
 * a condition variable under contention, a timed wait, thread exit
 * against exit_group, a signal to one thread (pthread_kill is tgkill)
 * and to the process, a fatal signal, fork and exec in a thread.
 * Each check that ends a process runs in a forked child.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "thread_test.h"

#define NTHREADS        4
#define INCREMENTS      20000
#define ITEMS           2000
#define TIMED_WAIT_NS   50000000L       /* 50 ms */
#define NS_PER_SEC      1000000000L
#define GROUP_STATUS    7
#define MAIN_STATUS     5
#define FORKED_STATUS   9

/* Runs fn in a forked child, which exits with what fn returns: its status. */
static int in_child(int (*fn)(void))
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(fn());
	waitpid(pid, &status, 0);
	return status;
}

/* --- create and join: own tids, one pid, results handed back ------------- */

static volatile pid_t tids[NTHREADS];

static void *report_tid(void *arg)
{
	long i = (long)arg;

	tids[i] = gettid_();
	return (void *)(i * 10 + getpid() % 2);
}

static void check_create_join(void)
{
	pthread_t t[NTHREADS];

	for (long i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, report_tid, (void *)i) == 0);
	for (long i = 0; i < NTHREADS; i++) {
		void *ret;

		CHECK(pthread_join(t[i], &ret) == 0);
		CHECK((long)ret == i * 10 + getpid() % 2);
		CHECK(tids[i] > 0 && tids[i] != getpid());
		for (long j = 0; j < i; j++)
			CHECK(tids[i] != tids[j]);
	}
	CHECK(gettid_() == getpid());
}

/* --- a mutex under contention ------------------------------------------- */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *add_many(void *arg)
{
	(void)arg;
	for (int i = 0; i < INCREMENTS; i++) {
		pthread_mutex_lock(&lock);
		long c = counter;
		if (i % 64 == 0)
			sched_yield();          /* hold the lock across a switch */
		counter = c + 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static long cpu_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* The process's CPU time counts the threads' work, ended threads too. */
static void check_mutex(void)
{
	long main_before = cpu_ns(CLOCK_THREAD_CPUTIME_ID);
	long process_before = cpu_ns(CLOCK_PROCESS_CPUTIME_ID);
	pthread_t t[NTHREADS];

	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, add_many, NULL) == 0);
	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	CHECK(counter == (long)NTHREADS * INCREMENTS);
	CHECK(cpu_ns(CLOCK_PROCESS_CPUTIME_ID) - process_before >
	      cpu_ns(CLOCK_THREAD_CPUTIME_ID) - main_before);
}

/* --- a condition variable: producers and consumers on a one-slot box ----- */

static pthread_cond_t box_changed = PTHREAD_COND_INITIALIZER;
static int box_full, box_value;
static long taken_sum;

static void *produce(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (box_full)
			pthread_cond_wait(&box_changed, &lock);
		box_value = i;
		box_full = 1;
		pthread_cond_broadcast(&box_changed);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consume(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (!box_full)
			pthread_cond_wait(&box_changed, &lock);
		taken_sum += box_value;
		box_full = 0;
		pthread_cond_signal(&box_changed);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

/* Two producers and two consumers: every item is taken exactly once. */
static void check_condvar(void)
{
	pthread_t t[NTHREADS];

	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, i % 2 ? consume : produce, NULL) == 0);
	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_join(t[i], NULL) == 0);
	CHECK(taken_sum == (long)ITEMS * (ITEMS + 1));
}

/* A timed wait that nobody signals ends with ETIMEDOUT, not before. */
static void check_timedwait(void)
{
	struct timespec start, end, until;
	long waited;
	int err;

	clock_gettime(CLOCK_REALTIME, &start);
	until = start;
	until.tv_nsec += TIMED_WAIT_NS;
	if (until.tv_nsec >= NS_PER_SEC) {
		until.tv_sec++;
		until.tv_nsec -= NS_PER_SEC;
	}
	pthread_mutex_lock(&lock);
	err = pthread_cond_timedwait(&box_changed, &lock, &until);
	pthread_mutex_unlock(&lock);
	clock_gettime(CLOCK_REALTIME, &end);
	waited = (end.tv_sec - start.tv_sec) * NS_PER_SEC + end.tv_nsec - start.tv_nsec;
	CHECK(err == ETIMEDOUT);
	CHECK(waited >= TIMED_WAIT_NS);
}

/* --- thread exit against exit_group -------------------------------------- */

static void *spin(void *arg)
{
	(void)arg;
	for (;;)
		sched_yield();
	return NULL;
}

static void *exit_process_later(void *arg)
{
	(void)arg;
	usleep(20000);
	exit(GROUP_STATUS);
}

/* The main thread ends alone; the process goes on until another calls exit. */
static int __attribute__((noreturn)) main_thread_exits(void)
{
	pthread_t t;

	pthread_create(&t, NULL, exit_process_later, NULL);
	pthread_exit(NULL);
}

/* exit ends every thread, a spinning one too. */
static int exit_ends_all(void)
{
	pthread_t t;

	pthread_create(&t, NULL, spin, NULL);
	usleep(10000);
	return MAIN_STATUS;
}

static volatile int about_to_exit;

static void *exit_thread_only(void *arg)
{
	(void)arg;
	about_to_exit = 1;
	syscall(SYS_exit, 1);           /* the thread, not the process */
	return NULL;
}

/* The exit system call ends the caller only: the process goes on. */
static int thread_exit_alone(void)
{
	pthread_t t;

	pthread_create(&t, NULL, exit_thread_only, NULL);
	while (!about_to_exit)
		sched_yield();
	usleep(10000);
	return MAIN_STATUS;
}

static void check_exits(void)
{
	int status = in_child(main_thread_exits);

	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == GROUP_STATUS);
	status = in_child(exit_ends_all);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == MAIN_STATUS);
	status = in_child(thread_exit_alone);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == MAIN_STATUS);
}

/* --- signals: to one thread, to the process, fatal ----------------------- */

static volatile int go;

static void *wait_for_signal(void *arg)
{
	(void)arg;
	tids[0] = gettid_();
	while (!handled_by)
		sched_yield();
	return NULL;
}

/* pthread_kill (tgkill) runs the handler in the thread named. */
static void check_tgkill(void)
{
	pthread_t t;

	signal(SIGUSR1, note_tid);
	handled_by = 0;
	tids[0] = 0;
	pthread_create(&t, NULL, wait_for_signal, NULL);
	while (!tids[0])
		sched_yield();
	CHECK(pthread_kill(t, SIGUSR1) == 0);
	pthread_join(t, NULL);
	CHECK(handled_by == tids[0]);
}

/* kill to the process goes to a thread that does not block the signal. */
static void check_process_signal(void)
{
	sigset_t set, old;
	pthread_t t;

	signal(SIGUSR2, note_tid);
	handled_by = 0;
	tids[0] = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	pthread_create(&t, NULL, wait_for_signal, NULL);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	while (!tids[0])
		sched_yield();
	CHECK(kill(getpid(), SIGUSR2) == 0);
	pthread_join(t, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	CHECK(handled_by == tids[0]);
}

static void *crash(void *arg)
{
	(void)arg;
	raise(SIGTERM);
	for (;;)
		sched_yield();
	return NULL;
}

/* A fatal signal taken by one thread ends the process. */
static int fatal_in_thread(void)
{
	pthread_t t;

	pthread_create(&t, NULL, crash, NULL);
	for (;;)
		sched_yield();
	return 0;
}

static void *altstack_state(void *arg)
{
	stack_t ss;

	(void)arg;
	sigaltstack(NULL, &ss);
	return (void *)(long)ss.ss_flags;
}

/* A new thread does not inherit the creator's alternate signal stack. */
static void check_altstack(void)
{
	static char stack[SIGSTKSZ];
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) }, off = { .ss_flags = SS_DISABLE };
	pthread_t t;
	void *flags;

	CHECK(sigaltstack(&ss, NULL) == 0);
	pthread_create(&t, NULL, altstack_state, NULL);
	pthread_join(t, &flags);
	CHECK((long)flags == SS_DISABLE);
	sigaltstack(&off, NULL);
}

/* --- fork and exec in a thread ------------------------------------------- */

static int forked_status;

/* The child of a fork in a thread has that one thread, as POSIX says. */
static void *fork_here(void *arg)
{
	pid_t pid;

	(void)arg;
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		_exit(gettid_() == getpid() ? FORKED_STATUS : 1);
	waitpid(pid, &forked_status, 0);
	return NULL;
}

static void check_fork_in_thread(void)
{
	pthread_t t;

	pthread_create(&t, NULL, fork_here, NULL);
	pthread_join(t, NULL);
	CHECK(WIFEXITED(forked_status) && WEXITSTATUS(forked_status) == FORKED_STATUS);
}

static void *exec_echo(void *arg)
{
	char *argv[] = { "echo", "threads: exec from a thread", NULL };

	(void)arg;
	execv("/bin/echo", argv);
	return NULL;
}

/* execve from a thread ends the others; the program runs as the process. */
static int exec_in_thread(void)
{
	pthread_t t[2];

	pthread_create(&t[0], NULL, spin, NULL);
	pthread_create(&t[1], NULL, exec_echo, NULL);
	for (;;)
		sched_yield();
	return 1;
}

int main(void)
{
	int status;

	check_create_join();
	check_mutex();
	check_condvar();
	check_timedwait();
	check_exits();
	check_tgkill();
	check_process_signal();
	check_altstack();
	status = in_child(fatal_in_thread);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	check_fork_in_thread();
	status = in_child(exec_in_thread);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	printf("threads: %d checks failed\n", fails);
	return fails != 0;
}
