/*
 * munmap of a whole 2 MiB range whose PTE table an odf fork left shared,
 * when mprotect has split the range into two VMAs.  The table lies wholly
 * inside the range, so the caller lets go of it whole: its PTEs must not
 * change VMA by VMA, since the child still maps it.
 *
 * The parent fills the region, makes its first half read-only (two VMAs
 * now), forks, and unmaps the whole region.  The child, waiting until
 * then, must still find every page as it was at the fork, in a table it
 * alone maps now.
 */
#include "odf.h"

#define HALF		(TABLE_SPAN / 2)
#define SEED_FORK	0x7a

static unsigned char *region;

static int child(int take)
{
	turn_take(take);
	CHECK_EQ(inspect(region).table_ref, 1);
	CHECK(holds_pattern(region, TABLE_SPAN, SEED_FORK));
	return test_result();
}

int main(void)
{
	int go[2], status;
	pid_t pid;

	odf_start();
	region = odf_region();
	fill_pattern(region, TABLE_SPAN, SEED_FORK);
	CHECK_EQ(mprotect(region, HALF, PROT_READ), 0);
	CHECK_EQ(pipe(go), 0);
	pid = test_fork();
	if (pid == 0)
		_exit(child(go[0]));
	CHECK(pid > 0);
	CHECK_EQ(inspect(region).table_ref, 2);
	CHECK_EQ(munmap(region, TABLE_SPAN), 0);
	CHECK_EQ(inspect(region).table, 0);
	turn_give(go[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	return test_result();
}
