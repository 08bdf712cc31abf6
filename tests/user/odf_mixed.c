/*
 * Shared and private memory under one PTE table, with odf fork.
 *
 * A table whose 2 MiB range holds any MAP_SHARED memory is never shared:
 * shared pages must stay writable for both processes, which a read-only
 * pmd entry would forbid.  Fork copies such a table as cow mode does: the
 * child gets its own table, shared pages stay writable in both, private
 * pages become copy-on-write.  So the parent's pmd entry stays writable
 * and its table counted once.  Writes to shared pages are then seen both
 * ways, writes to private pages neither way.
 *
 * And the other way round: MAP_SHARED memory mapped (MAP_FIXED) after
 * fork into a range whose table is shared.  mmap fills shared memory at
 * once, which changes PTEs, so the caller's table must be unshared first;
 * the other process keeps its private page at that address, and a fork
 * after that does not share the table any more.
 */
#include "odf.h"

#define SEED_FORK	0x21	/* each segment adds its index */
#define SEED_CHILD	0x93
#define SEED_PARENT	0xa4
#define SEED_GRANDCHILD	0xb5
#define LATE_PAGE	5	/* where the child maps shared memory late */

enum { PRIVATE, SHARED };

struct segment {
	size_t page, npages;
	int kind;
};

/* The region's first table: shared memory around private memory. */
static const struct segment layout[] = {
	{ 0,			2, SHARED },
	{ 2,			2, PRIVATE },
	{ TABLE_PAGES / 2,	2, SHARED },
	{ TABLE_PAGES - 2,	2, PRIVATE },
};
#define NR_SEGMENTS (sizeof(layout) / sizeof(layout[0]))
enum { SHARED_LOW, PRIVATE_LOW, SHARED_HIGH, PRIVATE_HIGH };

static unsigned char *region;

static unsigned char *seg(int i)
{
	return region + layout[i].page * PAGE_SIZE;
}

static size_t seg_len(int i)
{
	return layout[i].npages * PAGE_SIZE;
}

static void map_shared_segments(void)
{
	size_t i;

	for (i = 0; i < NR_SEGMENTS; i++)
		if (layout[i].kind == SHARED)
			CHECK(mmap(seg(i), seg_len(i), PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1,
				   0) == seg(i));
}

/* Segment i holds what the `seeds` say, segment by segment. */
static int holds(const unsigned seeds[NR_SEGMENTS])
{
	size_t i;

	for (i = 0; i < NR_SEGMENTS; i++)
		if (!holds_pattern(seg(i), seg_len(i), seeds[i]))
			return 0;
	return 1;
}

/* Right after fork, as either process sees it: its own table, writable;
 * shared pages writable, private ones copy-on-write. */
static void check_after_fork(const struct forklab_inspect *parent_priv,
			     const struct forklab_inspect *parent_shared)
{
	struct forklab_inspect priv = inspect(seg(PRIVATE_LOW));
	struct forklab_inspect shared = inspect(seg(SHARED_LOW));

	CHECK_EQ(priv.table_ref, 1);
	CHECK_EQ(priv.pmd_writable, 1);
	CHECK_EQ(priv.page, parent_priv->page);
	CHECK_EQ(priv.page_ref, 2);
	CHECK_EQ(priv.pte_writable, 0);
	CHECK_EQ(shared.table, priv.table);
	CHECK_EQ(shared.page, parent_shared->page);
	CHECK_EQ(shared.page_ref, 2);
	CHECK_EQ(shared.pte_writable, 1);
}

static void test_mixed_table(void)
{
	static const unsigned at_fork[] = {
		SEED_FORK, SEED_FORK + 1, SEED_FORK + 2, SEED_FORK + 3 };
	static const unsigned child_wrote[] = {
		SEED_CHILD, SEED_FORK + 1, SEED_FORK + 2, SEED_FORK + 3 };
	static const unsigned child_sees[] = {
		SEED_CHILD, SEED_CHILD, SEED_PARENT, SEED_FORK + 3 };
	static const unsigned parent_sees[] = {
		SEED_CHILD, SEED_FORK + 1, SEED_PARENT, SEED_PARENT };
	struct forklab_inspect priv, shared;
	int to_child[2], to_parent[2], status;
	size_t i;
	pid_t pid;

	map_shared_segments();
	for (i = 0; i < NR_SEGMENTS; i++)
		fill_pattern(seg(i), seg_len(i), at_fork[i]);
	priv = inspect(seg(PRIVATE_LOW));
	shared = inspect(seg(SHARED_LOW));
	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(to_parent), 0);
	pid = test_fork();
	if (pid == 0) {
		CHECK(inspect(seg(PRIVATE_LOW)).table != priv.table);
		check_after_fork(&priv, &shared);
		CHECK(holds(at_fork));
		turn_take(to_child[0]);         /* the parent has checked too */
		fill_pattern(seg(SHARED_LOW), seg_len(SHARED_LOW), SEED_CHILD);
		fill_pattern(seg(PRIVATE_LOW), seg_len(PRIVATE_LOW),
			     SEED_CHILD);
		turn_give(to_parent[1]);
		turn_take(to_child[0]);
		CHECK(holds(child_sees));
		_exit(test_result());
	}
	CHECK(pid > 0);
	CHECK_EQ(inspect(seg(PRIVATE_LOW)).table, priv.table);
	check_after_fork(&priv, &shared);
	turn_give(to_child[1]);
	turn_take(to_parent[0]);
	CHECK(holds(child_wrote));
	fill_pattern(seg(SHARED_HIGH), seg_len(SHARED_HIGH), SEED_PARENT);
	fill_pattern(seg(PRIVATE_HIGH), seg_len(PRIVATE_HIGH), SEED_PARENT);
	turn_give(to_child[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	CHECK(holds(parent_sees));
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
}

static unsigned char *late;	/* the page mapped shared after fork */
static struct forklab_inspect at_fork, late_at_fork, late_in_child;

/* The grandchild: the child's table is not shared with it any more, and
 * the late page is shared memory, the child's own frame. */
static int grandchild_writes_late(void *unused)
{
	struct forklab_inspect in = inspect(late);

	(void)unused;
	CHECK(in.table != late_in_child.table);
	CHECK_EQ(in.table_ref, 1);
	CHECK_EQ(in.page, late_in_child.page);
	fill_pattern(late, PAGE_SIZE, SEED_GRANDCHILD);
	return test_result();
}

static int child_maps_late(void *unused)
{
	(void)unused;
	CHECK_EQ(inspect(region).table, at_fork.table);
	CHECK_EQ(inspect(region).table_ref, 2);
	CHECK(mmap(late, PAGE_SIZE, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == late);
	late_in_child = inspect(late);
	CHECK(late_in_child.table != 0);
	CHECK(late_in_child.table != at_fork.table);
	CHECK_EQ(late_in_child.table_ref, 1);
	CHECK_EQ(late_in_child.pmd_writable, 1);
	CHECK_EQ(late_in_child.pte_writable, 1);
	CHECK(is_zero(late, PAGE_SIZE));
	CHECK(holds_pattern(region, LATE_PAGE * PAGE_SIZE, SEED_FORK));

	CHECK_EXITED(run_in_child(grandchild_writes_late, NULL), TEST_PASS);
	CHECK(holds_pattern(late, PAGE_SIZE, SEED_GRANDCHILD));
	return test_result();
}

static void test_late_shared(void)
{
	size_t len = (LATE_PAGE + 1) * PAGE_SIZE;

	CHECK_EQ(munmap(region, TABLE_SPAN), 0);
	CHECK(mmap(region, TABLE_SPAN, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == region);
	late = region + LATE_PAGE * PAGE_SIZE;
	fill_pattern(region, len, SEED_FORK);
	at_fork = inspect(region);
	late_at_fork = inspect(late);
	CHECK_EXITED(run_in_child(child_maps_late, NULL), TEST_PASS);
	CHECK_EQ(inspect(region).table, at_fork.table);
	CHECK_EQ(inspect(region).table_ref, 1);
	CHECK_EQ(inspect(late).page, late_at_fork.page);
	CHECK(holds_pattern(region, len, SEED_FORK));
}

int main(void)
{
	odf_start();
	region = odf_region();
	test_mixed_table();
	test_late_shared();
	return test_result();
}
