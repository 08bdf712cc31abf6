/*
 * A fork bomb, contained.  Every process of the bomb forks until fork
 * fails, so the bomb grows until the process table is full; then fork
 * must fail with EAGAIN, for the bomb and for everyone else, and nothing
 * else may go wrong.  When the bomb is called off, every one of its
 * processes must go, and the system must be as it was: as many processes
 * as before, forks working again, and MemFree back where it started.
 *
 * The bomb's processes report their failed fork through a pipe and then
 * block on a gate, a pipe whose only writer is the test.  To call the
 * bomb off, the test sets a flag in shared memory, which a process still
 * forking reads before each fork, and closes the gate.  Orphans go to
 * init, so the test counts the processes in /proc until the bomb's are
 * all gone.
 *
 * forklab only: on Linux, as root, nothing would stop the bomb but the
 * machine's memory (proc_limit.c checks EAGAIN there, under an rlimit).
 */
#include <dirent.h>
#include <signal.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include "odf.h"

#define FORKLAB		"forklab"
#define REPORT_EAGAIN	'A'	/* a bomb process's fork failed right */
#define REPORT_OTHER	'X'	/* it failed with another errno */
#define POLL_NS		10000000L
#define POLLS_MAX	3000	/* 30 s for the bomb to be reaped */
#define FORK_TRIES	10	/* our forks, until one meets the full table */

/* Processes in the system: the numbered entries of /proc. */
static int count_procs(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] >= '0' && e->d_name[0] <= '9';
	closedir(d);
	return n;
}

/* Every process of the bomb runs this, until called off. */
static _Noreturn void bomb(volatile int *stop, int report, int gate)
{
	char c;

	while (!*stop) {
		if (fork() >= 0)
			continue;
		c = errno == EAGAIN ? REPORT_EAGAIN : REPORT_OTHER;
		write(report, &c, 1);
		while (read(gate, &c, 1) > 0)
			;
		break;
	}
	_exit(TEST_PASS);
}

/* Polls until only `want` processes are left; returns how many are. */
static int wait_for_procs(int want)
{
	struct timespec poll = { 0, POLL_NS };
	int n = count_procs();

	for (int i = 0; i < POLLS_MAX && n != want; i++) {
		nanosleep(&poll, NULL);
		n = count_procs();
	}
	return n;
}

/* fork(), with a child that leaves at once should it work. */
static pid_t fork_and_leave(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(TEST_PASS);
	return pid;
}

/* Does a fork of ours fail with EAGAIN while the bomb holds the table?  A
 * slot freed meanwhile (init reaping an orphan of an earlier test) may let
 * one through before the bomb takes it; that child is reaped, and we try
 * again. */
static int table_full_for_us(void)
{
	for (int i = 0; i < FORK_TRIES; i++) {
		pid_t pid = fork_and_leave();

		if (pid < 0)
			return errno == EAGAIN;
		waitpid(pid, NULL, 0);
	}
	return 0;
}

static int do_nothing(void *unused)
{
	(void)unused;
	return TEST_PASS;
}

static void contain(void)
{
	volatile int *stop = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int procs = count_procs(), report[2], gate[2], status;
	long free_kb = memfree_kb();
	char c = 0;
	pid_t pid;

	CHECK(stop != MAP_FAILED && procs > 0 && free_kb > 0);
	if (stop == MAP_FAILED)
		return;
	CHECK_EQ(pipe(report), 0);
	CHECK_EQ(pipe(gate), 0);
	pid = test_fork();
	if (pid == 0) {
		close(report[0]);
		close(gate[1]);
		bomb(stop, report[1], gate[0]);
	}
	CHECK(pid > 0);
	close(report[1]);
	close(gate[0]);
	CHECK_EQ(read(report[0], &c, 1), 1);
	CHECK_EQ(c, REPORT_EAGAIN);
	CHECK(table_full_for_us());
	*stop = 1;
	close(gate[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	CHECK_EQ(wait_for_procs(procs), procs);
	CHECK_EXITED(run_in_child(do_nothing, NULL), TEST_PASS);
	close(report[0]);
	CHECK_EQ(memfree_kb(), free_kb);
}

int main(void)
{
	struct utsname u;

	CHECK_EQ(uname(&u), 0);
	if (strcmp(u.sysname, FORKLAB) == 0)
		contain();
	else
		printf("fork_bomb: skipped on %s: only forklab limits root's "
		       "processes\n", u.sysname);
	return test_result();
}
