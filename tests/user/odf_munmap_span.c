/*
 * munmap of a range that covers a shared PTE table wholly and ends in the
 * tables on either side.  The table inside must be let go of whole (the
 * other process keeps it), never emptied page by page: its PTEs are the
 * other process's too.
 *
 *   T - 2 MiB        T                T + 2 MiB        T + 4 MiB
 *   |       [========|== munmap ======|=======]        |
 *                    | rw | rw | ro | rw ...  |
 *
 * Inside table T the region is three VMAs (mprotect makes a read-only
 * page), so the VMA the range starts in ends in the middle of T: a kernel
 * that unmapped one VMA at a time saw only part of T there, and cleared
 * the parent's PTEs in the shared table.  The child unmaps; the parent,
 * after the child is gone, must still find its data in T.
 */
#include "odf.h"

#define SPAN		(4 * TABLE_SPAN)	/* holds T - 2 MiB .. T + 4 MiB */
#define RO_PAGE		2		/* the read-only page's index in T */
#define DATA_PAGES	4		/* pages of T with data */
#define SEED		0x2d

static int unmap_around(void *t)
{
	unsigned char *table = t;

	return munmap(table - TABLE_SPAN / 2, 2 * TABLE_SPAN) == 0 ?
	       TEST_PASS : TEST_FAIL;
}

int main(void)
{
	unsigned char *p, *t;

	odf_start();
	p = mmap(NULL, SPAN, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return test_result();
	t = (unsigned char *)(((uintptr_t)p + 2 * TABLE_SPAN - 1) &
			      ~(TABLE_SPAN - 1));
	fill_pattern(t, DATA_PAGES * PAGE_SIZE, SEED);
	CHECK_EQ(mprotect(t + RO_PAGE * PAGE_SIZE, PAGE_SIZE, PROT_READ), 0);

	CHECK_EXITED(run_in_child(unmap_around, t), TEST_PASS);
	CHECK(holds_pattern(t, DATA_PAGES * PAGE_SIZE, SEED));
	CHECK_EQ(munmap(p, SPAN), 0);
	return test_result();
}
