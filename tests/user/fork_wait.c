/*
 * fork and waitpid.  Every exit status 0..255 must reach the parent, and
 * only the low 8 bits of a wider one; WNOHANG must not block; waiting for
 * any child must find each child exactly once; a process that is not our
 * child (ourselves, our parent, a grandchild, a child already reaped) gives
 * ECHILD; exited children are reaped in the order they exit; and the pids
 * fork returns agree with getpid and getppid.
 *
 * Where order matters, children wait on a pipe for the parent's word
 * (check.h) rather than on timers, so the checks mean the same thing on a
 * slow emulator as on real hardware.
 */
#include <time.h>
#include "check.h"

#define NR_STATUSES	256		/* exit statuses a parent can see */
#define WIDE_STATUS	0x1234		/* _exit() keeps only the low 8 bits */
#define WIDE_SEEN	(WIDE_STATUS % NR_STATUSES)
#define GATED_STATUS	7		/* any status will do */
#define NR_ANY		4		/* children in the wait-for-any check */
#define NR_ORDERED	5		/* children in the reaping-order check */
#define POLL_NS		10000000	/* 10 ms, forklab's timer tick */
#define MAX_POLLS	6000		/* a minute of polls */

static int exit_with(void *code)
{
	return *(int *)code;
}

static void test_exit_statuses(void)
{
	int code, wide = WIDE_STATUS;

	for (code = 0; code < NR_STATUSES; code++)
		CHECK_EXITED(run_in_child(exit_with, &code), code);
	CHECK_EXITED(run_in_child(exit_with, &wide), WIDE_SEEN);
}

/* Forks a child that exits with `code` once a byte arrives on *gate. */
static pid_t spawn_gated(int code, int *gate)
{
	int fds[2];
	pid_t pid;

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[1]);
		turn_take(fds[0]);
		_exit(code);
	}
	CHECK(pid > 0);
	close(fds[0]);
	*gate = fds[1];
	return pid;
}

/* Lets a gated child go, then closes the gate. */
static void release(int gate)
{
	turn_give(gate);
	close(gate);
}

/* Polls with WNOHANG until the child is reaped; returns its status. */
static int poll_reap(pid_t pid)
{
	struct timespec pause = { 0, POLL_NS };
	int i, status = NO_STATUS;

	for (i = 0; i < MAX_POLLS; i++) {
		pid_t got = waitpid(pid, &status, WNOHANG);

		if (got == pid)
			return status;
		CHECK_EQ(got, 0);
		if (got != 0)
			return NO_STATUS;
		nanosleep(&pause, NULL);
	}
	check_fail(__FILE__, __LINE__, "the child is reaped within a minute");
	return NO_STATUS;
}

static void test_wnohang(void)
{
	int gate, status;
	pid_t pid;

	CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD);
	pid = spawn_gated(GATED_STATUS, &gate);
	CHECK_EQ(waitpid(pid, &status, WNOHANG), 0);
	CHECK_EQ(waitpid(-1, &status, WNOHANG), 0);
	release(gate);
	CHECK_EXITED(poll_reap(pid), GATED_STATUS);
	CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD);
}

/* Waiting for any child: each of them turns up once, then ECHILD. */
static void test_wait_any(void)
{
	pid_t pids[NR_ANY];
	int seen[NR_ANY] = { 0 };
	int i, j, status;

	for (i = 0; i < NR_ANY; i++) {
		int code = i + 1;

		pids[i] = test_fork();
		if (pids[i] == 0)
			_exit(code);
		CHECK(pids[i] > 0);
	}
	for (i = 0; i < NR_ANY; i++) {
		/* Both spellings of "any child". */
		pid_t got = i % 2 ? wait(&status) : waitpid(-1, &status, 0);

		for (j = 0; j < NR_ANY && pids[j] != got; j++)
			;
		CHECK(j < NR_ANY);
		if (j == NR_ANY)
			continue;
		CHECK(!seen[j]);
		seen[j] = 1;
		CHECK_EXITED(status, j + 1);
	}
	CHECK_ERR(waitpid(-1, &status, 0), ECHILD);
}

/*
 * The child forks a grandchild, tells us its pid, and lets it go only when
 * we have tried to wait for it.  WNOHANG, so that a kernel which wrongly
 * lets us wait for a grandchild fails the check instead of hanging.
 */
static int grandchild_owner(void *arg)
{
	int *fds = arg;		/* [0]: our go-ahead; [1]: back to us */
	int gate, status;
	pid_t grandchild = spawn_gated(TEST_PASS, &gate);

	CHECK_EQ(write(fds[1], &grandchild, sizeof(grandchild)),
		 sizeof(grandchild));
	turn_take(fds[0]);
	release(gate);
	CHECK_EQ(waitpid(grandchild, &status, 0), grandchild);
	CHECK_EXITED(status, TEST_PASS);
	return test_result();
}

static void test_not_children(void)
{
	int to_child[2], from_child[2], child_fds[2], status;
	pid_t pid, grandchild = -1;

	CHECK_ERR(waitpid(getpid(), &status, 0), ECHILD);
	CHECK_ERR(waitpid(getppid(), &status, 0), ECHILD);

	pid = test_fork();
	if (pid == 0)
		_exit(TEST_PASS);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_ERR(waitpid(pid, &status, 0), ECHILD);

	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(from_child), 0);
	child_fds[0] = to_child[0];
	child_fds[1] = from_child[1];
	pid = test_fork();
	if (pid == 0) {
		close(to_child[1]);
		close(from_child[0]);
		_exit(grandchild_owner(child_fds));
	}
	/* Without the child's ends, a dead child reads as end-of-file. */
	close(to_child[0]);
	close(from_child[1]);
	CHECK_EQ(read(from_child[0], &grandchild, sizeof(grandchild)),
		 sizeof(grandchild));
	CHECK_ERR(waitpid(grandchild, &status, WNOHANG), ECHILD);
	turn_give(to_child[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	close(to_child[1]);
	close(from_child[0]);
}

/*
 * Only a released child can exit, so a blocking wait for any child must
 * return the one we released last, whatever order we pick.
 */
static void test_reap_order(void)
{
	static const int order[NR_ORDERED] = { 3, 0, 4, 2, 1 };
	int gates[NR_ORDERED], i, status;
	pid_t pids[NR_ORDERED];

	for (i = 0; i < NR_ORDERED; i++)
		pids[i] = spawn_gated(i, &gates[i]);
	for (i = 0; i < NR_ORDERED; i++) {
		int k = order[i];

		release(gates[k]);
		CHECK_EQ(waitpid(-1, &status, 0), pids[k]);
		CHECK_EXITED(status, k);
	}
}

/* The child reports getpid() and getppid() through a pipe. */
static void test_ids(void)
{
	pid_t parent = getpid(), pid, ids[2] = { -1, -1 };
	int fds[2], status;

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		ids[0] = getpid();
		ids[1] = getppid();
		_exit(write(fds[1], ids, sizeof(ids)) == sizeof(ids) ?
		      TEST_PASS : TEST_FAIL);
	}
	CHECK(pid > 0 && pid != parent);
	close(fds[1]);
	CHECK_EQ(read(fds[0], ids, sizeof(ids)), sizeof(ids));
	CHECK_EQ(ids[0], pid);
	CHECK_EQ(ids[1], parent);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	CHECK_EQ(getpid(), parent);
	close(fds[0]);
}

int main(void)
{
	test_exit_statuses();
	test_wnohang();
	test_wait_any();
	test_not_children();
	test_reap_order();
	test_ids();
	return test_result();
}
