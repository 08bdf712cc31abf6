/*
 * MAP_SHARED | MAP_ANONYMOUS memory next to MAP_PRIVATE memory, across
 * fork.  Writes to shared pages must be seen by the other process in both
 * directions; writes to private pages never, in either direction.
 *
 * Both kinds of mapping, and inaccessible gaps, sit inside one 2 MiB-aligned
 * region: on x86-64 that is exactly what one page table maps, so fork must
 * treat entries of one table differently (share some pages, copy-on-write
 * others) rather than decide per table.  Some pages are written before
 * fork and some are not, since a shared page first touched after fork must
 * still be one page, not one per process.
 *
 * The test runs twice: once with the child writing first, once with the
 * parent.  The two processes take turns through pipes (check.h).
 */
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

#define REGION		(2UL << 20)		/* what one page table maps */
#define REGION_PAGES	(REGION / PAGE_SIZE)
#define RESERVE		(2 * REGION)		/* surely holds an aligned region */
#define MSG_LEN		160

/* Seeds of the patterns: the one before fork and the processes' turns. */
#define SEED_FORK	0x11
#define SEED_FIRST	0x22
#define SEED_SECOND	0x33
#define SEED_AGAIN	0x44
#define SEED_STEP	0x07		/* so that no two segments look alike */
#define AS_AT_FORK	(-1)		/* expect private pages as at fork */

enum { PRIVATE, SHARED };
enum { UNTOUCHED, TOUCHED };		/* written before fork? */

struct segment {
	size_t page, npages;
	int shared, touched;
};

/* Pages not listed (7, 11..255, ...) stay PROT_NONE, as reserved. */
static const struct segment layout[] = {
	{ 0,				2, SHARED,  TOUCHED },
	{ 2,				1, PRIVATE, TOUCHED },
	{ 3,				3, SHARED,  UNTOUCHED },
	{ 6,				1, PRIVATE, UNTOUCHED },
	{ 8,				1, SHARED,  TOUCHED },
	{ 9,				2, PRIVATE, TOUCHED },
	{ REGION_PAGES / 2,		4, PRIVATE, UNTOUCHED },
	{ REGION_PAGES / 2 + 4,		4, SHARED,  UNTOUCHED },
	{ REGION_PAGES - 4,		2, PRIVATE, TOUCHED },
	{ REGION_PAGES - 2,		2, SHARED,  TOUCHED },
};
#define NR_SEGMENTS (sizeof(layout) / sizeof(layout[0]))

static char *segment_addr(char *region, size_t i)
{
	return region + layout[i].page * PAGE_SIZE;
}

static size_t segment_len(size_t i)
{
	return layout[i].npages * PAGE_SIZE;
}

static unsigned segment_seed(int seed, size_t i)
{
	return seed + i * SEED_STEP;
}

/*
 * Maps the segments into a 2 MiB-aligned region inside a reservation of
 * inaccessible memory, which *reserve is set to; NULL on failure.
 */
static char *map_region(char **reserve)
{
	char *region;
	size_t i;

	*reserve = mmap(NULL, RESERVE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
			-1, 0);
	CHECK(*reserve != MAP_FAILED);
	if (*reserve == MAP_FAILED)
		return NULL;
	region = (char *)(((uintptr_t)*reserve + REGION - 1) & ~(REGION - 1));
	for (i = 0; i < NR_SEGMENTS; i++) {
		int kind = layout[i].shared ? MAP_SHARED : MAP_PRIVATE;
		char *p = mmap(segment_addr(region, i), segment_len(i),
			       PROT_READ | PROT_WRITE,
			       kind | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

		CHECK(p == segment_addr(region, i));
	}
	return region;
}

static void write_segments(char *region, int seed)
{
	size_t i;

	for (i = 0; i < NR_SEGMENTS; i++)
		fill_pattern(segment_addr(region, i), segment_len(i),
			     segment_seed(seed, i));
}

static void touch_before_fork(char *region)
{
	size_t i;

	for (i = 0; i < NR_SEGMENTS; i++)
		if (layout[i].touched)
			fill_pattern(segment_addr(region, i), segment_len(i),
				     segment_seed(SEED_FORK, i));
}

static int segment_holds(char *region, size_t i, int seed)
{
	char *p = segment_addr(region, i);

	if (seed != AS_AT_FORK)
		return holds_pattern(p, segment_len(i), segment_seed(seed, i));
	if (layout[i].touched)
		return holds_pattern(p, segment_len(i),
				     segment_seed(SEED_FORK, i));
	return is_zero(p, segment_len(i));
}

/* Shared segments must hold shared_seed's pattern, private ones own_seed's. */
static void check_segments(char *region, const char *who, int shared_seed,
			   int own_seed)
{
	char msg[MSG_LEN];
	size_t i;

	for (i = 0; i < NR_SEGMENTS; i++) {
		int shared = layout[i].shared;

		if (segment_holds(region, i, shared ? shared_seed : own_seed))
			continue;
		snprintf(msg, sizeof(msg), "%s sees the wrong data in the "
			 "%s segment at page %zu (%s before fork)", who,
			 shared ? "shared" : "private", layout[i].page,
			 layout[i].touched ? "written" : "not written");
		check_fail(__FILE__, __LINE__, msg);
	}
}

/* The process that writes first; fds[0] takes turns, fds[1] gives them. */
static void first_writer(char *region, const char *who, int fds[2])
{
	write_segments(region, SEED_FIRST);
	turn_give(fds[1]);
	turn_take(fds[0]);
	check_segments(region, who, SEED_SECOND, SEED_FIRST);
	write_segments(region, SEED_AGAIN);
	turn_give(fds[1]);
}

static void second_writer(char *region, const char *who, int fds[2])
{
	turn_take(fds[0]);
	check_segments(region, who, SEED_FIRST, AS_AT_FORK);
	write_segments(region, SEED_SECOND);
	turn_give(fds[1]);
	turn_take(fds[0]);
	check_segments(region, who, SEED_AGAIN, SEED_SECOND);
}

static void run_round(int child_first)
{
	int to_child[2], to_parent[2], child_fds[2], parent_fds[2], status;
	char *reserve, *region = map_region(&reserve);
	pid_t pid;

	if (!region)
		return;
	touch_before_fork(region);
	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(to_parent), 0);
	child_fds[0] = to_child[0];
	child_fds[1] = to_parent[1];
	parent_fds[0] = to_parent[0];
	parent_fds[1] = to_child[1];
	pid = test_fork();
	if (pid == 0) {
		close(parent_fds[0]);
		close(parent_fds[1]);
		if (child_first)
			first_writer(region, "child", child_fds);
		else
			second_writer(region, "child", child_fds);
		_exit(test_result());
	}
	CHECK(pid > 0);
	/* Without the child's ends, a dead child reads as end-of-file. */
	close(child_fds[0]);
	close(child_fds[1]);
	if (child_first)
		second_writer(region, "parent", parent_fds);
	else
		first_writer(region, "parent", parent_fds);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);

	/* The shared pages outlive the child that shared them. */
	check_segments(region, "parent after the child's exit", SEED_AGAIN,
		       child_first ? SEED_SECOND : SEED_AGAIN);
	close(parent_fds[0]);
	close(parent_fds[1]);
	CHECK_EQ(munmap(reserve, RESERVE), 0);
}

int main(void)
{
	run_round(1);
	run_round(0);
	return test_result();
}
