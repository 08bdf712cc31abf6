/*
 * On-demand fork inside the kernel: address spaces built by hand (no
 * process runs them), faults raised by calling handle_fault(), and every
 * count read straight from struct page.  mm_check() must agree at each
 * step, and must notice when a count is made wrong on purpose.
 */
#include "tests/ktest.h"
#include "tests/kernel/mm_fixture.h"
#include "mm/frame.h"
#include "kernel/errno.h"

#define STRADDLE_SPAN   (3 * PMD_SIZE)         /* three tables, 2 MiB aligned */

KTEST(odf, fork_shares_table)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct forklab_inspect before = fixture_look(p, REGION), pi, ci;

	c = mm_fork(p, FORK_ODF, &st);
	pi = fixture_look(p, REGION), ci = fixture_look(c, REGION);
	KEXPECT_EQ(ci.table, before.table);
	KEXPECT_EQ(pi.table_ref, 2);
	KEXPECT(!pi.pmd_writable && !ci.pmd_writable);
	KEXPECT_EQ(pi.page_ref, 1);                     /* page counts untouched */
	KEXPECT_EQ(st.tables_shared, 1);
	KEXPECT_EQ(st.ptes_copied, 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	KEXPECT_EQ(fixture_look(p, REGION).table_ref, 1);
	mm_free(p);
}

/* The child's write copies the table; the parent's next write reuses its own. */
KTEST(odf, break_then_reuse)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct forklab_inspect orig = fixture_look(p, REGION + PAGE_SIZE), ci, pi;

	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(handle_fault(c, REGION, READ), 0);   /* reads never break */
	KEXPECT_EQ(fixture_look(c, REGION).table, orig.table);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), 0);
	ci = fixture_look(c, REGION + PAGE_SIZE);
	pi = fixture_look(p, REGION + PAGE_SIZE);
	KEXPECT(ci.table != orig.table && ci.table_ref == 1 && ci.pmd_writable);
	KEXPECT_EQ(pi.table, orig.table);
	KEXPECT_EQ(pi.table_ref, 1);
	KEXPECT_EQ(pi.page_ref, 2);                     /* both tables map it */
	KEXPECT(!ci.pte_writable && !pi.pte_writable);
	KEXPECT_EQ(fixture_look(c, REGION).page_ref, 1);        /* the written page is a copy */
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	KEXPECT_EQ(handle_fault(p, REGION + PAGE_SIZE, WRITE), 0);
	pi = fixture_look(p, REGION + PAGE_SIZE);
	KEXPECT_EQ(pi.table, orig.table);               /* reused, not copied */
	KEXPECT(pi.pmd_writable && pi.pte_writable && pi.page_ref == 1);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Demand-zero in a shared table breaks it too: a new PTE is a change. */
KTEST(odf, demand_zero_breaks)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	uint64_t table = fixture_look(p, REGION).table;

	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(handle_fault(c, REGION + TOUCHED * PAGE_SIZE, READ), 0);
	KEXPECT(fixture_look(c, REGION).table != table);
	KEXPECT_EQ(fixture_look(p, REGION + TOUCHED * PAGE_SIZE).page, 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Three generations share one table; any order of freeing frees it all. */
KTEST(odf, chain_every_exit_order)
{
	static const int orders[][3] = { {0, 1, 2}, {2, 1, 0}, {1, 0, 2}, {1, 2, 0} };
	uint64_t free_before = frames_free();

	for (unsigned o = 0; o < sizeof(orders) / sizeof(orders[0]); o++) {
		struct mm *m[3];
		struct fork_stats st;

		m[0] = fixture_parent();
		m[1] = mm_fork(m[0], FORK_ODF, &st);
		m[2] = mm_fork(m[1], FORK_ODF, &st);
		KEXPECT_EQ(fixture_look(m[2], REGION).table_ref, 3);
		for (int i = 0; i < 3; i++) {
			mm_free(m[orders[o][i]]);
			m[orders[o][i]] = NULL;
			for (int j = 0; j < 3; j++)
				if (m[j])
					KEXPECT_EQ(fixture_look(m[j], REGION).table_ref, 2 - i);
		}
		KEXPECT_EQ(frames_free(), free_before);
	}
}

/* munmap of half a shared range breaks the table; munmap of all of it
 * drops the reference without copying. */
KTEST(odf, munmap_half_and_whole)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	uint64_t table = fixture_look(p, REGION).table;

	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(mm_munmap(c, REGION, PAGE_SIZE * TOUCHED / 2), 0);
	KEXPECT(fixture_look(c, REGION + PAGE_SIZE * (TOUCHED - 1)).table != table);
	KEXPECT_EQ(fixture_look(p, REGION).table_ref, 1);
	KEXPECT(fixture_look(p, REGION).page != 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(mm_munmap(c, REGION, PMD_SIZE), 0);
	KEXPECT_EQ(fixture_look(p, REGION).table_ref, 1);
	KEXPECT_EQ(fixture_look(c, REGION).table, 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

KTEST(odf, mprotect_breaks)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	uint64_t table = fixture_look(p, REGION).table;

	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(mm_mprotect(c, REGION, PAGE_SIZE, PROT_READ), 0);
	KEXPECT(fixture_look(c, REGION).table != table);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), -EFAULT);
	KEXPECT_EQ(handle_fault(p, REGION, WRITE), 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Shared memory anywhere in the 2 MiB keeps the table out of sharing. */
KTEST(odf, shared_memory_not_shared_table)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	uint64_t shm = REGION + PMD_SIZE / 2;

	fixture_map(p, shm, PAGE_SIZE, RW, SHARED_FIXED);
	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT(fixture_look(c, REGION).table != fixture_look(p, REGION).table);
	KEXPECT_EQ(fixture_look(c, shm).page, fixture_look(p, shm).page);
	KEXPECT(fixture_look(c, shm).pte_writable);
	KEXPECT_EQ(st.tables_shared, 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/*
 * Shared memory [shm, shm_end) that straddles 2 MiB boundaries, in a parent
 * whose private memory fills the tables around it: after an odf fork, no
 * table covering shared memory is shared (mm_check's rule too), and the
 * child's writes to the shared memory's first and last pages reach the
 * parent's pages.  An overlap test that looks only at where a VMA starts,
 * or only where it ends, shares one of these tables.
 */
static void straddle(uint64_t shm, uint64_t shm_end)
{
	struct mm *p = mm_new(), *c;
	struct fork_stats st;
	uint64_t last = shm_end - PAGE_SIZE;

	fixture_map(p, REGION, STRADDLE_SPAN, RW, ANON_FIXED);
	for (uint64_t va = REGION; va < REGION + STRADDLE_SPAN; va += PMD_SIZE / 2)
		KEXPECT_EQ(handle_fault(p, va, WRITE), 0);
	fixture_map(p, shm, shm_end - shm, RW, SHARED_FIXED);
	KEXPECT_EQ(handle_fault(p, shm, WRITE), 0);
	KEXPECT_EQ(handle_fault(p, last, WRITE), 0);
	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	KEXPECT(fixture_look(c, shm).table != fixture_look(p, shm).table);
	KEXPECT(fixture_look(c, last).table != fixture_look(p, last).table);
	KEXPECT_EQ(handle_fault(c, shm, WRITE), 0);
	KEXPECT_EQ(handle_fault(c, last, WRITE), 0);
	KEXPECT_EQ(fixture_look(c, shm).page, fixture_look(p, shm).page);
	KEXPECT_EQ(fixture_look(c, last).page, fixture_look(p, last).page);
	KEXPECT(fixture_look(c, shm).pmd_writable && fixture_look(c, shm).pte_writable);
	KEXPECT(fixture_look(c, last).pmd_writable && fixture_look(c, last).pte_writable);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Two pages of shared memory across the boundary between two tables: it
 * starts before the upper table and ends after the lower one begins. */
KTEST(odf, shared_memory_straddles_boundary)
{
	uint64_t boundary = REGION + PMD_SIZE;

	straddle(boundary - PAGE_SIZE, boundary + PAGE_SIZE);
}

/* Shared memory over a whole table and a page on either side: it neither
 * starts nor ends in the middle table's range. */
KTEST(odf, shared_memory_spans_table)
{
	uint64_t middle = REGION + PMD_SIZE;

	straddle(middle - PAGE_SIZE, middle + PMD_SIZE + PAGE_SIZE);
}

/* Out of frames: breaking fails with nothing changed, and so does fork. */
KTEST(odf, out_of_memory)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct page *frames;
	uint64_t table = fixture_look(p, REGION).table;

	c = mm_fork(p, FORK_ODF, &st);
	frames = fixture_take_frames();
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), -ENOMEM);
	KEXPECT_EQ(fixture_look(c, REGION).table, table);
	KEXPECT_EQ(fixture_look(c, REGION).table_ref, 2);
	KEXPECT(mm_fork(p, FORK_ODF, &st) == NULL);
	KEXPECT(mm_fork(p, FORK_COW, &st) == NULL);
	KEXPECT_EQ(fixture_look(p, REGION).table_ref, 2);
	fixture_give_frames(frames);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* mm_check notices a wrong table count, a wrong page count, and a writable
 * entry to a shared table; each is put right again afterwards. */
KTEST(odf, mm_check_catches_bad_counts)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct page *table, *page;
	pte_t *pmd;

	c = mm_fork(p, FORK_ODF, &st);
	table = pa_page(fixture_look(p, REGION).table);
	page = pa_page(fixture_look(p, REGION).page);
	pmd = mm_walk(c, REGION, PT_PMD, 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	page_get(table);
	KEXPECT_EQ(CHECK_MMS(p, c), -1);
	page_put(table);
	page_get(page);
	KEXPECT_EQ(CHECK_MMS(p, c), -1);
	page_put(page);
	*pmd |= PTE_W;
	KEXPECT_EQ(CHECK_MMS(p, c), -1);
	*pmd &= ~PTE_W;
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Ends the machine: sharing into a child's pmd entry that already points
 * at a table would lose that table's reference, and odf_share() refuses
 * (tests/run checks the panic report). */
KTEST_MANUAL(panic, odf_share_twice)
{
	struct mm *p = fixture_parent(), *c = mm_new();
	pte_t *pmd_p = mm_walk(p, REGION, PT_PMD, 0), *pmd_c = mm_walk(c, REGION, PT_PMD, 1);

	odf_share(pmd_p, pmd_c);
	odf_share(pmd_p, pmd_c);
}
