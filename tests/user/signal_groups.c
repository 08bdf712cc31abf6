/*
 * Process groups and sessions, and kill to a group.  setpgid moves the
 * caller or a child into a group (a new one named by its leader's pid);
 * kill(-pgid) reaches every member, kill(0) the caller's own group; setsid
 * starts a session, which a group leader may not; a child in another
 * session cannot be moved.  Each case runs in a child of its own, which
 * first leads a group of its own so that kill(0) stays inside it.
 */
#include <signal.h>
#include "check.h"

#define NO_SUCH_PID	0x3fffffff

static volatile int hits;

static void count(int sig)
{
	(void)sig;
	hits++;
}

static pid_t sleeper(void)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	CHECK(pid > 0);
	return pid;
}

static int reap(pid_t pid)
{
	int status = NO_STATUS;

	CHECK_EQ(waitpid(pid, &status, 0), pid);
	return status;
}

static int ids(void *unused)
{
	(void)unused;
	CHECK_EQ(getpgrp(), getpgid(0));
	CHECK_EQ(getpgid(getpid()), getpgrp());
	/* 0 when the session's leader is outside our pid namespace (a container) */
	CHECK(getsid(0) >= 0);
	CHECK_EQ(getsid(getpid()), getsid(0));
	CHECK_EQ(setpgid(0, 0), 0);
	CHECK_EQ(getpgrp(), getpid());
	CHECK_ERR(setpgid(-1, 0), EINVAL);
	CHECK_ERR(setpgid(0, -1), EINVAL);
	CHECK_ERR(getpgid(NO_SUCH_PID), ESRCH);
	CHECK_ERR(getsid(NO_SUCH_PID), ESRCH);
	CHECK_ERR(setpgid(getppid(), 0), ESRCH);        /* not a child */
	CHECK_ERR(kill(-NO_SUCH_PID, SIGTERM), ESRCH);
	CHECK_ERR(setpgid(0, NO_SUCH_PID), EPERM);      /* no such group */
	return test_result();
}

/* Two children in a group of their own, ended by one kill. */
static int kill_group(void *unused)
{
	pid_t a, b;

	(void)unused;
	CHECK_EQ(setpgid(0, 0), 0);
	a = sleeper();
	b = sleeper();
	CHECK_EQ(setpgid(a, a), 0);
	CHECK_EQ(setpgid(b, a), 0);
	CHECK_EQ(getpgid(b), a);
	CHECK_EQ(kill(-a, SIGTERM), 0);
	CHECK_KILLED(reap(a), SIGTERM);
	CHECK_KILLED(reap(b), SIGTERM);
	return test_result();
}

/* kill(0): the caller's group, the caller included. */
static int kill_own_group(void *unused)
{
	pid_t a;

	(void)unused;
	CHECK_EQ(setpgid(0, 0), 0);
	a = sleeper();
	signal(SIGUSR1, count);
	CHECK_EQ(kill(0, SIGUSR1), 0);
	CHECK_EQ(hits, 1);
	CHECK_KILLED(reap(a), SIGUSR1);
	return test_result();
}

/* A child that started a session of its own leads it and its group, may
 * not start another, and is out of its parent's reach for setpgid. */
static int sessions(void *unused)
{
	int ready[2], hold[2];
	pid_t pid;
	char c;

	(void)unused;
	CHECK_EQ(pipe(ready), 0);
	CHECK_EQ(pipe(hold), 0);
	pid = test_fork();
	if (pid == 0) {
		close(hold[1]);
		CHECK_EQ(setsid(), getpid());
		CHECK_EQ(getsid(0), getpid());
		CHECK_EQ(getpgrp(), getpid());
		CHECK_ERR(setsid(), EPERM);
		turn_give(ready[1]);
		CHECK_EQ(read(hold[0], &c, 1), 0);      /* until the parent lets go */
		_exit(test_result());
	}
	close(ready[1]);
	close(hold[0]);
	CHECK(turn_take(ready[0]));
	CHECK_EQ(getsid(pid), pid);
	CHECK_ERR(setpgid(pid, getpgrp()), EPERM);
	close(hold[1]);
	CHECK_EXITED(reap(pid), 0);
	return test_result();
}

int main(void)
{
	CHECK_EXITED(run_in_child(ids, NULL), 0);
	CHECK_EXITED(run_in_child(kill_group, NULL), 0);
	CHECK_EXITED(run_in_child(kill_own_group, NULL), 0);
	CHECK_EXITED(run_in_child(sessions, NULL), 0);
	return test_result();
}
