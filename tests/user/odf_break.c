/*
 * Breaking a shared PTE table, step by step, as PR_INSPECT shows it.
 *
 * An odf fork points the child's pmd entry at the parent's PTE table,
 * makes both entries read-only and counts the table twice; page counts
 * do not change, since a table holds one reference per page for all who
 * share it.  Reads leave it so.  The first write copies the table for the
 * writer: the copy takes a reference on every page and both tables lose
 * R/W in every PTE, and page-level copy-on-write then gives the writer its
 * own copy of the page it wrote.  The other process keeps the original
 * table, counted once; its first write reuses that table, but a page the
 * writer's copy still maps must be copied all the same.
 *
 * Two pages of one table are watched: A, which the child writes first,
 * and B, which the parent writes next.  The processes take turns through
 * pipes, so that each looks while the other is alive and waiting.
 */
#include "odf.h"

/* The pages' contents at fork, then what each process writes. */
#define SEED_A_FORK	0x11
#define SEED_B_FORK	0x22
#define SEED_A_CHILD	0x33
#define SEED_A_PARENT	0x44
#define SEED_B_PARENT	0x55
#define SEED_B_CHILD	0x66

static unsigned char *page_a, *page_b;
static struct forklab_inspect fork_a, fork_b;	/* the parent's, at fork */

/*
 * Right after fork, and after any number of reads, both processes see
 * the parent's table counted twice behind read-only pmd entries, and the
 * pages and PTEs as they were.  `who` names the process in a failure.
 */
static void check_still_shared(const char *who)
{
	int failures = *check_failures();
	struct forklab_inspect a = inspect(page_a), b = inspect(page_b);

	CHECK_EQ(a.table, fork_a.table);
	CHECK_EQ(a.table_ref, 2);
	CHECK_EQ(a.pmd_writable, 0);
	CHECK_EQ(a.page, fork_a.page);
	CHECK_EQ(a.page_ref, 1);
	CHECK_EQ(a.pte_writable, 1);
	CHECK_EQ(b.table, fork_a.table);
	CHECK_EQ(b.page, fork_b.page);
	CHECK_EQ(b.page_ref, 1);
	CHECK(holds_pattern(page_a, PAGE_SIZE, SEED_A_FORK));
	CHECK(holds_pattern(page_b, PAGE_SIZE, SEED_B_FORK));
	if (*check_failures() != failures)
		fprintf(stderr, "odf_break: (the shared table, seen by "
			"the %s)\n", who);
}

/* The child: reads, then writes A, then sees the parent's write to B. */
static int child_side(int take, int give)
{
	struct forklab_inspect a, b;

	check_still_shared("child");
	check_still_shared("child after reading both pages");
	turn_take(take);

	fill_pattern(page_a, PAGE_SIZE, SEED_A_CHILD);
	a = inspect(page_a);
	b = inspect(page_b);
	CHECK(a.table != fork_a.table);
	CHECK_EQ(a.table_ref, 1);
	CHECK_EQ(a.pmd_writable, 1);
	CHECK(a.page != fork_a.page);
	CHECK_EQ(a.page_ref, 1);
	CHECK_EQ(a.pte_writable, 1);
	CHECK_EQ(b.table, a.table);
	CHECK_EQ(b.page, fork_b.page);	/* both tables map it now */
	CHECK_EQ(b.page_ref, 2);
	CHECK_EQ(b.pte_writable, 0);
	CHECK(holds_pattern(page_a, PAGE_SIZE, SEED_A_CHILD));
	CHECK(holds_pattern(page_b, PAGE_SIZE, SEED_B_FORK));
	turn_give(give);
	turn_take(take);

	/* The parent has copied B: the old frame is the child's alone, so
	 * writing it reuses it. */
	CHECK(holds_pattern(page_a, PAGE_SIZE, SEED_A_CHILD));
	CHECK(holds_pattern(page_b, PAGE_SIZE, SEED_B_FORK));
	b = inspect(page_b);
	CHECK_EQ(b.page, fork_b.page);
	CHECK_EQ(b.page_ref, 1);
	CHECK_EQ(b.pte_writable, 0);
	fill_pattern(page_b, PAGE_SIZE, SEED_B_CHILD);
	b = inspect(page_b);
	CHECK_EQ(b.page, fork_b.page);
	CHECK_EQ(b.pte_writable, 1);
	CHECK(holds_pattern(page_b, PAGE_SIZE, SEED_B_CHILD));
	return test_result();
}

/* The parent, while the child waits after writing A. */
static void parent_after_child_wrote(void)
{
	struct forklab_inspect a = inspect(page_a), b = inspect(page_b);

	CHECK_EQ(a.table, fork_a.table);
	CHECK_EQ(a.table_ref, 1);
	CHECK_EQ(a.pmd_writable, 0);	/* the next change fixes it */
	CHECK_EQ(a.page, fork_a.page);
	CHECK_EQ(a.page_ref, 1);	/* the child's copy of A let go of it */
	CHECK_EQ(a.pte_writable, 0);
	CHECK_EQ(b.page, fork_b.page);
	CHECK_EQ(b.page_ref, 2);
	CHECK_EQ(b.pte_writable, 0);
	CHECK(holds_pattern(page_a, PAGE_SIZE, SEED_A_FORK));
	CHECK(holds_pattern(page_b, PAGE_SIZE, SEED_B_FORK));

	/* B: the table is reused, the page the child maps too is copied. */
	fill_pattern(page_b, PAGE_SIZE, SEED_B_PARENT);
	b = inspect(page_b);
	CHECK_EQ(b.table, fork_b.table);
	CHECK_EQ(b.table_ref, 1);
	CHECK_EQ(b.pmd_writable, 1);
	CHECK(b.page != fork_b.page);
	CHECK_EQ(b.page_ref, 1);
	CHECK_EQ(b.pte_writable, 1);

	/* A: nobody else maps the frame any more, so it is reused. */
	fill_pattern(page_a, PAGE_SIZE, SEED_A_PARENT);
	a = inspect(page_a);
	CHECK_EQ(a.page, fork_a.page);
	CHECK_EQ(a.page_ref, 1);
	CHECK_EQ(a.pte_writable, 1);
}

static void parent_side(pid_t pid, int take, int give)
{
	int status;

	check_still_shared("parent");
	turn_give(give);
	turn_take(take);
	parent_after_child_wrote();
	turn_give(give);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	CHECK(holds_pattern(page_a, PAGE_SIZE, SEED_A_PARENT));
	CHECK(holds_pattern(page_b, PAGE_SIZE, SEED_B_PARENT));
}

/* Before fork: one table, counted once, everything writable. */
static void check_private(void)
{
	CHECK(fork_a.table != 0);
	CHECK_EQ(fork_a.table_ref, 1);
	CHECK_EQ(fork_a.pmd_writable, 1);
	CHECK_EQ(fork_a.page_ref, 1);
	CHECK_EQ(fork_a.pte_writable, 1);
	CHECK_EQ(fork_b.table, fork_a.table);
	CHECK(fork_b.page != 0 && fork_b.page != fork_a.page);
	CHECK_EQ(fork_b.page_ref, 1);
}

int main(void)
{
	int to_child[2], to_parent[2];
	pid_t pid;

	odf_start();
	page_a = odf_region();
	page_b = page_a + PAGE_SIZE;
	fill_pattern(page_a, PAGE_SIZE, SEED_A_FORK);
	fill_pattern(page_b, PAGE_SIZE, SEED_B_FORK);
	fork_a = inspect(page_a);
	fork_b = inspect(page_b);
	check_private();

	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(to_parent), 0);
	pid = test_fork();
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		_exit(child_side(to_child[0], to_parent[1]));
	}
	CHECK(pid > 0);
	close(to_child[0]);
	close(to_parent[1]);
	if (pid > 0)
		parent_side(pid, to_parent[0], to_child[1]);
	close(to_child[1]);
	close(to_parent[0]);
	return test_result();
}
