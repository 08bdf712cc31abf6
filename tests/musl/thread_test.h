/*
 * What the thread tests (threads.c, thread_signals.c,
 * futex_shared_robust.c) share, for musl and glibc alike: the failure
 * count and the CHECK that adds to it, starting a thread, the caller's
 * thread id (older C libraries declare no gettid()), and a signal
 * handler that notes which thread took the signal.
 */
#ifndef THREAD_TEST_H
#define THREAD_TEST_H

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

static int fails;

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	fails++; } } while (0)

static inline pid_t gettid_(void)
{
	return (pid_t)syscall(SYS_gettid);
}

/* A new thread running fn(arg); a test that cannot make one ends. */
static inline pthread_t start(void *(*fn)(void *), void *arg)
{
	pthread_t t;

	if (pthread_create(&t, NULL, fn, arg) != 0)
		_exit(2);
	return t;
}

/* The thread that ran note_tid last; a test zeroes it before the signal. */
static volatile pid_t handled_by;

static inline void note_tid(int sig)
{
	(void)sig;
	handled_by = gettid_();
}

#endif
