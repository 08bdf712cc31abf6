/*
 * Hundreds of processes.  300 children are made in waves of 50 that are
 * all alive at once; each exits with its own status, and every one must be
 * reaped exactly once, with that status, by waiting for any child.  Then a
 * chain of 100 processes, each the child of the one before, all alive at
 * once: each checks its parent's pid, waits for its child and passes the
 * child's status on.  Process slots, kernel stacks and address spaces must
 * all be given back, or the later waves and the chain run out.
 */
#include "check.h"

#define NR_CHILDREN	300
#define WAVE		50
#define NR_STATUSES	256
#define CHAIN_DEPTH	100
#define CHAIN_BROKEN	255	/* a status no level of the chain exits with */

/* Forks a child that waits until the gate closes, then exits with code. */
static pid_t spawn_held(int gate[2], int code)
{
	pid_t pid = test_fork();

	if (pid == 0) {
		close(gate[1]);
		turn_take(gate[0]);
		_exit(code);
	}
	CHECK(pid > 0);
	return pid;
}

static void run_wave(int first)
{
	pid_t pids[WAVE];
	int reaped[WAVE] = { 0 };
	int gate[2], i, j, status;

	CHECK_EQ(pipe(gate), 0);
	for (i = 0; i < WAVE; i++)
		pids[i] = spawn_held(gate, (first + i) % NR_STATUSES);
	close(gate[1]);
	close(gate[0]);
	for (i = 0; i < WAVE; i++) {
		pid_t pid = waitpid(-1, &status, 0);

		for (j = 0; j < WAVE && pids[j] != pid; j++)
			;
		if (j == WAVE || reaped[j]) {
			fprintf(stderr, "many_procs: waitpid returned %d, "
				"not an unreaped child\n", (int)pid);
			check_fail(__FILE__, __LINE__,
				   "each child is reaped once");
			continue;
		}
		reaped[j] = 1;
		CHECK_EXITED(status, (first + j) % NR_STATUSES);
	}
	CHECK_ERR(waitpid(-1, &status, 0), ECHILD);
}

static int exited_with(int status, int code)
{
	return status != NO_STATUS && WIFEXITED(status) &&
	       WEXITSTATUS(status) == code;
}

/*
 * Level `level` (1..CHAIN_DEPTH) of the chain: exits with `level` if all
 * below it did.  The first level to see a fault says what it saw; the
 * levels above just pass CHAIN_BROKEN on.
 */
static int chain(int level)
{
	pid_t parent = getppid(), self = getpid(), pid;
	int status = NO_STATUS;

	if (level == CHAIN_DEPTH)
		return level;
	pid = test_fork();
	if (pid == 0) {
		if (getppid() != self) {
			fprintf(stderr, "many_procs: level %d has parent %d, "
				"not %d\n", level + 1, (int)getppid(),
				(int)self);
			_exit(CHAIN_BROKEN);
		}
		_exit(chain(level + 1));
	}
	if (pid < 0) {
		fprintf(stderr, "many_procs: fork at level %d: %s\n", level,
			strerror(errno));
		return CHAIN_BROKEN;
	}
	waitpid(pid, &status, 0);
	if (!exited_with(status, level + 1)) {
		if (!exited_with(status, CHAIN_BROKEN)) {
			fprintf(stderr, "many_procs: level %d: ", level + 1);
			describe_status(stderr, status);
			fprintf(stderr, "\n");
		}
		return CHAIN_BROKEN;
	}
	return getppid() == parent ? level : CHAIN_BROKEN;
}

static int start_chain(void *unused)
{
	(void)unused;
	return chain(1);
}

int main(void)
{
	int first;

	for (first = 0; first < NR_CHILDREN; first += WAVE)
		run_wave(first);
	CHECK_EXITED(run_in_child(start_chain, NULL), 1);
	return test_result();
}
