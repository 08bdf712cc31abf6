/*
 * munmap and mprotect of part of a range whose PTE table an odf fork left
 * shared.  Both change PTEs, so the caller's table must first be its own:
 * a copy, since the other process still maps the original.  Nothing of
 * the change may reach the other process.
 *
 * munmap: the child unmaps the upper half of a 2 MiB region.  Its table is
 * then another frame, the parent's original is counted once, and the
 * parent's upper half still holds its data; in the child the lower half
 * still holds it, and the upper half faults (seen in a grandchild, which
 * dies of SIGSEGV).
 *
 * mprotect: the child makes the first pages of the region read-only.
 * Then the parent writes there, which it still may, and the child does
 * not see it; the child writes elsewhere in the region, which the parent
 * does not see, and then writes to a read-only page and dies of SIGSEGV.
 * The child reports its checks through a pipe first, since its exit
 * status will only tell of the signal.
 */
#include <signal.h>
#include "odf.h"

#define HALF		(TABLE_SPAN / 2)
#define RO_LEN		(16 * PAGE_SIZE) /* the child makes read-only */
/* The region at fork; for mprotect, the part that stays writable has a
 * pattern of its own. */
#define SEED_FORK	0x3c
#define SEED_RW_FORK	0x6f
#define SEED_PARENT	0x4d
#define SEED_CHILD	0x5e

static unsigned char *region;
static struct forklab_inspect at_fork;

static int read_upper_half(void *unused)
{
	(void)unused;
	return *(volatile unsigned char *)(region + HALF);
}

static int munmap_child(int take, int give)
{
	struct forklab_inspect in;

	CHECK_EQ(inspect(region).table, at_fork.table);
	CHECK_EQ(inspect(region).table_ref, 2);
	CHECK_EQ(munmap(region + HALF, HALF), 0);
	in = inspect(region);
	CHECK(in.table != 0 && in.table != at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	CHECK_EQ(in.pmd_writable, 1);
	CHECK_EQ(in.page, at_fork.page);	/* the copy maps it too */
	CHECK_EQ(in.page_ref, 2);
	CHECK_EQ(in.pte_writable, 0);
	CHECK_EQ(inspect(region + HALF).page, 0);
	CHECK(holds_pattern(region, HALF, SEED_FORK));
	CHECK_KILLED(run_in_child(read_upper_half, NULL), SIGSEGV);
	turn_give(give);
	turn_take(take);
	CHECK(holds_pattern(region, HALF, SEED_FORK));
	return test_result();
}

static void test_munmap(void)
{
	int to_child[2], to_parent[2], status;
	struct forklab_inspect in;
	pid_t pid;

	fill_pattern(region, TABLE_SPAN, SEED_FORK);
	at_fork = inspect(region);
	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(to_parent), 0);
	pid = test_fork();
	if (pid == 0)
		_exit(munmap_child(to_child[0], to_parent[1]));
	CHECK(pid > 0);
	turn_take(to_parent[0]);

	in = inspect(region + HALF);
	CHECK_EQ(in.table, at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	CHECK(in.page != 0);
	CHECK(holds_pattern(region, TABLE_SPAN, SEED_FORK));
	fill_pattern(region + HALF, HALF, SEED_PARENT);	/* still ours */
	CHECK(holds_pattern(region + HALF, HALF, SEED_PARENT));
	turn_give(to_child[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	CHECK(holds_pattern(region, HALF, SEED_FORK));
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
}

/* Holds the region's data as at fork, in both parts. */
static int as_at_fork(void)
{
	return holds_pattern(region, RO_LEN, SEED_FORK) &&
	       holds_pattern(region + RO_LEN, TABLE_SPAN - RO_LEN,
			     SEED_RW_FORK);
}

/* Runs until its last write, which must kill it. */
static _Noreturn void mprotect_child(int take, int report)
{
	struct forklab_inspect in;
	char verdict;

	CHECK_EQ(inspect(region).table_ref, 2);
	CHECK_EQ(mprotect(region, RO_LEN, PROT_READ), 0);
	in = inspect(region);
	CHECK(in.table != 0 && in.table != at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	CHECK_EQ(in.pte_writable, 0);
	CHECK(as_at_fork());
	turn_give(report);		/* mprotect is done */
	turn_take(take);

	/* The parent has written over the read-only part of its copy. */
	CHECK(holds_pattern(region, RO_LEN, SEED_FORK));
	fill_pattern(region + RO_LEN, PAGE_SIZE, SEED_CHILD);
	CHECK(holds_pattern(region + RO_LEN, PAGE_SIZE, SEED_CHILD));
	verdict = (char)test_result();
	CHECK_EQ(write(report, &verdict, 1), 1);
	*(volatile unsigned char *)(region + RO_LEN - 1) = 0;
	_exit(TEST_PASS);
}

static void test_mprotect(void)
{
	int to_child[2], report[2], status;
	struct forklab_inspect in;
	char verdict = TEST_FAIL;
	pid_t pid;

	fill_pattern(region, RO_LEN, SEED_FORK);
	fill_pattern(region + RO_LEN, TABLE_SPAN - RO_LEN, SEED_RW_FORK);
	at_fork = inspect(region);
	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(report), 0);
	pid = test_fork();
	if (pid == 0) {
		close(report[0]);
		mprotect_child(to_child[0], report[1]);
	}
	CHECK(pid > 0);
	close(report[1]);
	turn_take(report[0]);

	in = inspect(region);
	CHECK_EQ(in.table, at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	fill_pattern(region, RO_LEN, SEED_PARENT);
	in = inspect(region);
	CHECK_EQ(in.table, at_fork.table);	/* reused, not copied */
	CHECK_EQ(in.pmd_writable, 1);
	CHECK_EQ(in.pte_writable, 1);
	turn_give(to_child[1]);

	CHECK_EQ(read(report[0], &verdict, 1), 1);
	CHECK_EQ(verdict, TEST_PASS);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_KILLED(status, SIGSEGV);
	CHECK(holds_pattern(region, RO_LEN, SEED_PARENT));
	CHECK(holds_pattern(region + RO_LEN, TABLE_SPAN - RO_LEN,
			    SEED_RW_FORK));
	close(to_child[0]);
	close(to_child[1]);
	close(report[0]);
}

int main(void)
{
	odf_start();
	region = odf_region();
	test_munmap();
	test_mprotect();
	return test_result();
}
