/*
 * TLB shootdown at fork, on several CPUs (docs/smp.md): a thread for each
 * CPU but one (at most WRITERS_MAX) each adds 1 to a counter of their own, in a page of its own, as fast as
 * they can and without a system call, so that each keeps its CPU and its
 * TLB's writable entry for the page.  The main thread forks FORKS times;
 * each child reads the counters, spins a while, and reads them again:
 * its memory is frozen at the fork, so they must not have moved.
 *
 * cow, odf and hodf make the parent's pages read-only at fork and share
 * them with the child; a writer on another CPU that still held a writable
 * TLB entry would go on writing into the child's page.  The fork's
 * shootdown removes those entries before fork returns; with it switched
 * off (fork_shootdown=0) the children see the writers' counts move, and
 * this test fails, as the smp suite checks.  copy mode shares nothing.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define WRITERS_MAX     7
#define FORKS           200             /* unless argv[1] says */
#define PAGE_WORDS      (4096 / sizeof(long))
#define SETTLE_READS    300000          /* the child's wait: the writers' chance to run */
#define CHILD_OK        0
#define CHILD_MOVED     1

static volatile long counters[WRITERS_MAX][PAGE_WORDS] __attribute__((aligned(4096)));
static volatile int stop;
static int writers;

static void *count(void *arg)
{
	volatile long *c = counters[(long)arg];

	while (!stop)
		(*c)++;
	return NULL;
}

/* Reads the counters over and over, without a system call (each would
 * take the big lock the writers' ticks need too); the wait only gives the
 * writers the chance to write through a stale entry if one is left. */
static int child(void)
{
	long seen[WRITERS_MAX];

	for (int t = 0; t < writers; t++)
		seen[t] = counters[t][0];
	for (long i = 0; i < SETTLE_READS; i++)
		for (int t = 0; t < writers; t++)
			if (counters[t][0] != seen[t])
				return CHILD_MOVED;
	return CHILD_OK;
}

/* Waits until every writer has counted, so that each runs on its CPU. */
static void wait_writers(void)
{
	for (int t = 0; t < writers; t++)
		while (!counters[t][0])
			sched_yield();
}

int main(int argc, char **argv)
{
	pthread_t th[WRITERS_MAX];
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int forks = argc > 1 ? atoi(argv[1]) : FORKS, moved = 0, failed = 0;

	writers = cpus < 2 ? 1 : cpus > WRITERS_MAX ? WRITERS_MAX : cpus - 1;
	for (long t = 0; t < writers; t++)
		pthread_create(&th[t], NULL, count, (void *)t);
	wait_writers();
	for (int f = 0; f < forks; f++) {
		int status = -1;
		pid_t pid = fork();

		if (pid == 0)
			_exit(child());
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
			failed++;
		else if (WEXITSTATUS(status) == CHILD_MOVED)
			moved++;
	}
	stop = 1;
	for (int t = 0; t < writers; t++)
		pthread_join(th[t], NULL);
	printf("fork_shootdown: %d of %d children saw the parent's writes, %d forks failed\n",
	       moved, forks, failed);
	return moved || failed;
}
