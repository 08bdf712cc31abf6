/*
 * Ending a process.  exit() runs the atexit handlers, newest first, then
 * flushes every stream; _exit() just ends it.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define ATEXIT_MAX	32	/* the least POSIX allows */

/* What abort() exits with if SIGABRT did not end us: a shell's number for
 * "killed by SIGABRT". */
#define ABORT_STATUS	(128 + SIGABRT)

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

int atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return -1;
	handlers[nhandlers++] = fn;
	return 0;
}

void exit(int status)
{
	while (nhandlers > 0)
		handlers[--nhandlers]();
	fflush(NULL);
	_exit(status);
}

void _Exit(int status)
{
	_exit(status);
}

/* Streams are not flushed: the process did not end normally.  A handler
 * for SIGABRT runs, but if it returns, the process dies of SIGABRT all the
 * same, as POSIX wants. */
void abort(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t abrt;

	sigemptyset(&abrt);
	sigaddset(&abrt, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &abrt, NULL);
	raise(SIGABRT);
	sigaction(SIGABRT, &dfl, NULL);
	raise(SIGABRT);
	_exit(ABORT_STATUS);
}

void __assert_fail(const char *cond, const char *file, int line, const char *func)
{
	fprintf(stderr, "%s:%d: %s: assertion `%s' failed\n", file, line, func, cond);
	abort();
}
