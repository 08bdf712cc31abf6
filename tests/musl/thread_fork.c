/*
 * fork in a threaded process, while the other threads write: four threads
 * each fill a page of their own with their counter, over and over, while
 * the main thread forks FORKS times.  Every child has only the forking
 * thread, so its memory must be what it was at the fork and stay so: each
 * page holds one count (or two, the next count written up to some word,
 * if the fork came in the middle of a fill), between what the parent read
 * before and after the fork, and the same a moment later.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define NTHREADS        4
#define FORKS           200
#define PAGE_WORDS      (4096 / sizeof(long))
#define CHILD_OK        0
#define CHILD_TORN      1               /* a page with more than two counts */
#define CHILD_OUTSIDE   2               /* a count outside the fork's window */
#define CHILD_MOVED     3               /* the memory changed after the fork */
#define NOT_A_CHILD     4               /* fork returned 0 in the parent */
#define SETTLE_YIELDS   20

static volatile long pages[NTHREADS][PAGE_WORDS] __attribute__((aligned(4096)));
static volatile int stop;

static void *fill(void *arg)
{
	volatile long *page = pages[(long)arg];

	for (long n = 1; !stop; n++) {
		for (size_t i = 0; i < PAGE_WORDS; i++)
			page[i] = n;
		sched_yield();          /* let the forks and children through */
	}
	return NULL;
}

/* The page's count: its first word; the rest may be one less (a fill cut
 * short by the fork), never anything else.  -1 if torn otherwise. */
static long page_count(volatile long *page)
{
	long first = page[0];
	size_t i = 1;

	while (i < PAGE_WORDS && page[i] == first)
		i++;
	while (i < PAGE_WORDS && page[i] == first - 1)
		i++;
	return i == PAGE_WORDS ? first : -1;
}

static int child(const long *before)
{
	long seen[NTHREADS];

	for (int t = 0; t < NTHREADS; t++) {
		seen[t] = page_count(pages[t]);
		if (seen[t] < 0)
			return CHILD_TORN;
		if (seen[t] < before[t])
			return CHILD_OUTSIDE;
	}
	for (int i = 0; i < SETTLE_YIELDS; i++)
		sched_yield();
	for (int t = 0; t < NTHREADS; t++)
		if (page_count(pages[t]) != seen[t])
			return CHILD_MOVED;
	return CHILD_OK;
}

int main(void)
{
	pthread_t th[NTHREADS];
	pid_t parent = getpid();
	int fails = 0;

	for (long t = 0; t < NTHREADS; t++)
		pthread_create(&th[t], NULL, fill, (void *)t);
	for (int f = 0; f < FORKS; f++) {
		long before[NTHREADS];
		int status = -1;
		pid_t pid;

		for (int t = 0; t < NTHREADS; t++)
			before[t] = pages[t][PAGE_WORDS - 1];
		pid = fork();
		if (pid == 0)
			_exit(getpid() == parent ? NOT_A_CHILD : child(before));
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != CHILD_OK) {
			fprintf(stderr, "thread_fork: fork %d: child status %#x\n", f, status);
			fails++;
		}
	}
	stop = 1;
	for (int t = 0; t < NTHREADS; t++)
		pthread_join(th[t], NULL);
	printf("thread_fork: %d of %d children saw their memory move\n", fails, FORKS);
	return fails != 0;
}
