/*
 * A mapping of 64 TiB with one page touched, mprotected and unmapped: the
 * walks of its page tables must skip the parts where no table is, a whole
 * upper table's span (1 GiB, 512 GiB) at a time.  A kernel that looked at
 * every 2 MiB spent seconds on each such call, which nothing preempts.
 * The page touched must still go with the mapping.
 *
 * The mapping is read-only and private, so that Linux does not count it
 * against memory (as in mprotect_huge).
 */
#include <stdint.h>
#include <signal.h>
#include <time.h>
#include <sys/mman.h>
#include "check.h"

#define SPAN_LEN	(64UL << 40)		/* 64 TiB */
#define ROUNDS		4
#define LIMIT_SEC	10			/* the rounds took a minute before */

static volatile char *middle;

static int read_middle(void *unused)
{
	(void)unused;
	return *middle;
}

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* Maps, touches, mprotects and unmaps the span; 0, or -1 if it could not
 * be mapped. */
static int round_trip(void)
{
	char *p = mmap(NULL, SPAN_LEN, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return -1;
	middle = p + SPAN_LEN / 2;
	CHECK_EQ(*middle, 0);                   /* one page, and its tables */
	CHECK_EQ(mprotect(p, SPAN_LEN, PROT_NONE), 0);
	CHECK_EQ(mprotect(p, SPAN_LEN, PROT_READ), 0);
	CHECK_EXITED(run_in_child(read_middle, NULL), 0);
	CHECK_EQ(munmap(p, SPAN_LEN), 0);
	return 0;
}

int main(void)
{
	double start = seconds();
	int i;

	for (i = 0; i < ROUNDS && round_trip() == 0; i++)
		;
	CHECK(seconds() - start < LIMIT_SEC);
	CHECK_KILLED(run_in_child(read_middle, NULL), SIGSEGV);
	return test_result();
}
