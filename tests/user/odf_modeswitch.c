/*
 * A cow fork from a PTE table that an odf fork shared.
 *
 * The fork mode belongs to the process and may change between forks.
 * After an odf fork, the parent's table is shared and its pmd entry
 * read-only; a cow fork then adds a reference to every page of the table
 * for the new child, so each of those pages must end up read-only to the
 * parent: once the odf sharer is gone and the parent writes, the table is
 * reused and its pmd entry made writable, and a PTE that kept R/W would
 * let the parent write into a page the cow child still maps.
 *
 * Two ways to get there: the odf child exits before the cow fork (the
 * parent's pmd entry is left read-only over a table counted once), or it
 * exits after.  Either way the parent then writes page A (a fault, which
 * reuses the table) and page B, and the cow child must still see both as
 * they were at fork.
 */
#include "odf.h"

#define SEED_FORK	0x12
#define SEED_PARENT	0x34

enum { ODF_CHILD_GONE, ODF_CHILD_ALIVE };	/* at the cow fork */
static const char *const when_names[] = {
	"the odf child exited before the cow fork",
	"the odf child exited after the cow fork",
};

static unsigned char *page_a, *page_b;

static void set_mode(unsigned long mode)
{
	CHECK_EQ(prctl(PR_SET_FORK_MODE, mode, 0UL, 0UL, 0UL), 0);
}

/* An odf child that waits for a byte on `hold`. */
static pid_t odf_child(int hold[2])
{
	pid_t pid;

	set_mode(FORK_MODE_ODF);
	CHECK_EQ(pipe(hold), 0);
	pid = test_fork();
	if (pid == 0) {
		close(hold[1]);
		turn_take(hold[0]);
		_exit(TEST_PASS);
	}
	CHECK(pid > 0);
	close(hold[0]);
	return pid;
}

static void end_odf_child(pid_t pid, int hold[2])
{
	int status;

	turn_give(hold[1]);
	close(hold[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
}

static void run(int when)
{
	int hold[2], turn[2], status, failures = *check_failures();
	struct forklab_inspect b;
	pid_t odf_pid, cow_pid;

	fill_pattern(page_a, PAGE_SIZE, SEED_FORK);
	fill_pattern(page_b, PAGE_SIZE, SEED_FORK);
	odf_pid = odf_child(hold);
	if (when == ODF_CHILD_GONE)
		end_odf_child(odf_pid, hold);

	set_mode(FORK_MODE_COW);
	CHECK_EQ(pipe(turn), 0);
	cow_pid = test_fork();
	if (cow_pid == 0) {
		turn_take(turn[0]);
		CHECK(holds_pattern(page_a, PAGE_SIZE, SEED_FORK));
		CHECK(holds_pattern(page_b, PAGE_SIZE, SEED_FORK));
		_exit(test_result());
	}
	CHECK(cow_pid > 0);
	if (when == ODF_CHILD_ALIVE)
		end_odf_child(odf_pid, hold);

	fill_pattern(page_a, PAGE_SIZE, SEED_PARENT);
	b = inspect(page_b);
	CHECK_EQ(b.page_ref, 2);
	CHECK(!(b.pmd_writable && b.pte_writable));
	fill_pattern(page_b, PAGE_SIZE, SEED_PARENT);
	turn_give(turn[1]);
	CHECK_EQ(waitpid(cow_pid, &status, 0), cow_pid);
	CHECK_EXITED(status, TEST_PASS);
	close(turn[0]);
	close(turn[1]);
	if (*check_failures() != failures)
		fprintf(stderr, "odf_modeswitch: (when %s)\n",
			when_names[when]);
}

int main(void)
{
	odf_start();
	page_a = odf_region();
	page_b = page_a + PAGE_SIZE;
	run(ODF_CHILD_GONE);
	run(ODF_CHILD_ALIVE);
	return test_result();
}
