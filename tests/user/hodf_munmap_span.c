/*
 * munmap in a hodf child of a range that holds a region of the parent's
 * whole and cuts the shared upper tables above it only in part.  The
 * tables above the region are the parent's too: the child may drop its
 * references to them, never empty them entry by entry.
 *
 *   B = 3 TiB, the start of a pgd entry's 512 GiB; the region R is
 *   [B + 2 MiB, B + 6 MiB), two PTE tables' worth, alone in that entry.
 *
 *   round 1: munmap [B, B + 1 GiB)       its end breaks the pud table
 *            (copied: the pmd table under it is now shared, ref 2), and
 *            R covers only part of that pmd table's 1 GiB;
 *   round 2: munmap [B - 1 GiB, B + 513 GiB)  both ends lie in the empty
 *            pgd entries beside B's, so nothing is broken at all, and R
 *            covers only part of the shared pud table's 512 GiB.
 *
 * A kernel that unmapped R's own range, widened to whole PTE tables only,
 * walked into the shared table and cleared the parent's entries: the
 * parent then found zeros where its data was.  After each child the
 * parent must still hold its data.  On Linux the same calls are plain
 * unmaps of the child's copy.
 */
#include "odf.h"

#define PUD_SPAN	(1UL << 30)		/* what a pmd table maps */
#define PGD_SPAN	(1UL << 39)		/* what a pud table maps */
#define BASE		(6 * PGD_SPAN)		/* 3 TiB, free in both systems */
#define REGION		(BASE + TABLE_SPAN)
#define REGION_LEN	(2 * TABLE_SPAN)
#define SEED		0x5b

struct cut {
	uintptr_t start;
	size_t len;
};

static int unmap_cut(void *arg)
{
	const struct cut *c = arg;

	return munmap((void *)c->start, c->len) == 0 ? TEST_PASS : TEST_FAIL;
}

int main(void)
{
	static const struct cut cuts[] = {
		{ BASE, PUD_SPAN },
		{ BASE - PUD_SPAN, PGD_SPAN + 2 * PUD_SPAN },
	};
	unsigned char *r;

	hodf_start();
	r = mmap((void *)REGION, REGION_LEN, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(r == (unsigned char *)REGION);
	if (r != (unsigned char *)REGION)
		return test_result();
	fill_pattern(r, REGION_LEN, SEED);
	for (size_t i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		CHECK_EXITED(run_in_child(unmap_cut, (void *)&cuts[i]), TEST_PASS);
		CHECK(holds_pattern(r, REGION_LEN, SEED));
	}
	CHECK_EQ(munmap(r, REGION_LEN), 0);
	return test_result();
}
