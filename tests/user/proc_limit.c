/*
 * Running out of processes.  The test forks children that stay alive until
 * fork fails; it must fail with EAGAIN, and the parent must carry on.  Then
 * every child is let go and reaped, and fork must work again: the slots
 * came back.
 *
 * forklab has a fixed process table, so there the test simply fills it.
 * Elsewhere, filling the machine would be rude, so the test works under a
 * small RLIMIT_NPROC instead.  Linux does not apply that limit to root,
 * so as root the test first becomes an unprivileged user, in a child.
 * That needs the host C library's setrlimit and setuid, which forklab's
 * libc need not have; where they are missing the test says it skipped.
 */
#include <sys/utsname.h>
#include "check.h"

#ifdef __GLIBC__
#include <sys/resource.h>
#endif

#define MAX_CHILDREN	4096	/* more than forklab's process table */
#define LIMIT		32	/* RLIMIT_NPROC where the test sets one */
#define UNPRIVILEGED	65534	/* "nobody" */
#define SKIPPED		77	/* a child's status: could not set up */

#define FORKLAB		"forklab"

/* Forks children that wait on the gate until fork fails; returns how many. */
static int fill(int gate[2])
{
	pid_t pid = 0;
	int n;

	for (n = 0; n < MAX_CHILDREN; n++) {
		pid = test_fork();
		if (pid == 0) {
			close(gate[1]);
			turn_take(gate[0]);
			_exit(TEST_PASS);
		}
		if (pid < 0)
			break;
	}
	if (pid < 0) {
		CHECK_EQ(errno, EAGAIN);
		printf("proc_limit: fork failed after %d children\n", n);
	} else {
		fprintf(stderr, "proc_limit: fork still works after %d "
			"children\n", n);
		check_fail(__FILE__, __LINE__, "fork fails at some point");
	}
	return n;
}

static int do_nothing(void *unused)
{
	(void)unused;
	return TEST_PASS;
}

/* Fills the process table, then empties it and forks once more. */
static int exhaust(void)
{
	int gate[2], status, n, reaped = 0;

	CHECK_EQ(pipe(gate), 0);
	n = fill(gate);
	CHECK(n > 0);
	close(gate[1]);
	close(gate[0]);
	while (waitpid(-1, &status, 0) > 0) {
		CHECK_EXITED(status, TEST_PASS);
		reaped++;
	}
	CHECK_EQ(errno, ECHILD);
	CHECK_EQ(reaped, n);
	CHECK_EXITED(run_in_child(do_nothing, NULL), TEST_PASS);
	return test_result();
}

#ifdef __GLIBC__
/*
 * In a child: become unprivileged if we are root, lower the limit, and
 * exhaust it.  A user that already has LIMIT processes cannot be tested
 * this way: the very first fork would fail.
 */
static int limited(void *sysname)
{
	struct rlimit lim = { LIMIT, LIMIT };
	int status;
	pid_t pid;

	if (getuid() == 0 && setuid(UNPRIVILEGED) != 0) {
		printf("proc_limit: skipped on %s: cannot become uid %d: %s\n",
		       (char *)sysname, UNPRIVILEGED, strerror(errno));
		return SKIPPED;
	}
	if (setrlimit(RLIMIT_NPROC, &lim) != 0) {
		printf("proc_limit: skipped on %s: setrlimit: %s\n",
		       (char *)sysname, strerror(errno));
		return SKIPPED;
	}
	pid = test_fork();
	if (pid == 0)
		_exit(TEST_PASS);
	if (pid < 0) {
		printf("proc_limit: skipped on %s: uid %d already has %d "
		       "processes\n", (char *)sysname, (int)getuid(), LIMIT);
		return SKIPPED;
	}
	waitpid(pid, &status, 0);
	printf("proc_limit: on %s as uid %d, under RLIMIT_NPROC %d\n",
	       (char *)sysname, (int)getuid(), LIMIT);
	return exhaust();
}
#endif

static void elsewhere(char *sysname)
{
#ifdef __GLIBC__
	int status = run_in_child(limited, sysname);

	if (WIFEXITED(status) && WEXITSTATUS(status) == SKIPPED)
		return;
	CHECK_EXITED(status, TEST_PASS);
#else
	printf("proc_limit: skipped on %s: no way to limit processes here\n",
	       sysname);
#endif
}

int main(void)
{
	struct utsname u;

	CHECK_EQ(uname(&u), 0);
	if (strcmp(u.sysname, FORKLAB) == 0)
		exhaust();
	else
		elsewhere(u.sysname);
	return test_result();
}
