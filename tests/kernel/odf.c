/*
 * On-demand fork inside the kernel: address spaces built by hand (no
 * process runs them), faults raised by calling handle_fault(), and every
 * count read straight from struct page.  mm_check() must agree at each
 * step, and must notice when a count is made wrong on purpose.
 */
#include <string.h>
#include "tests/ktest.h"
#include "mm/mm.h"
#include "mm/frame.h"
#include "arch/trap.h"
#include "kernel/errno.h"
#include <forklab.h>

#define REGION          0x40000000UL            /* 2 MiB aligned */
#define TOUCHED         16                      /* pages written before fork */
#define WRITE           (PF_USER | PF_WRITE)
#define READ            PF_USER
#define STRADDLE_SPAN   (3 * HUGE_SIZE)         /* three tables, 2 MiB aligned */

static struct mm *parent_with_pages(void)
{
	struct mm *mm = mm_new();

	KEXPECT_EQ(mm_mmap(mm, REGION, HUGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1), REGION);
	for (int i = 0; i < TOUCHED; i++)
		KEXPECT_EQ(handle_fault(mm, REGION + i * PAGE_SIZE, WRITE), 0);
	return mm;
}

static struct forklab_inspect look(struct mm *mm, uint64_t va)
{
	struct forklab_inspect in;

	mm_inspect(mm, va, &in);
	return in;
}

static int check2(struct mm *a, struct mm *b)
{
	struct mm *mms[] = { a, b };

	return mm_check(mms, b ? 2 : 1);
}

KTEST(odf, fork_shares_table)
{
	struct mm *p = parent_with_pages(), *c;
	struct fork_stats st;
	struct forklab_inspect before = look(p, REGION), pi, ci;

	c = mm_fork(p, FORK_ODF, &st);
	pi = look(p, REGION), ci = look(c, REGION);
	KEXPECT_EQ(ci.table, before.table);
	KEXPECT_EQ(pi.table_ref, 2);
	KEXPECT(!pi.pmd_writable && !ci.pmd_writable);
	KEXPECT_EQ(pi.page_ref, 1);                     /* page counts untouched */
	KEXPECT_EQ(st.tables_shared, 1);
	KEXPECT_EQ(st.ptes_copied, 0);
	KEXPECT_EQ(check2(p, c), 0);
	mm_free(c);
	KEXPECT_EQ(look(p, REGION).table_ref, 1);
	mm_free(p);
}

/* The child's write copies the table; the parent's next write reuses its own. */
KTEST(odf, break_then_reuse)
{
	struct mm *p = parent_with_pages(), *c;
	struct fork_stats st;
	struct forklab_inspect orig = look(p, REGION + PAGE_SIZE), ci, pi;

	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(handle_fault(c, REGION, READ), 0);   /* reads never break */
	KEXPECT_EQ(look(c, REGION).table, orig.table);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), 0);
	ci = look(c, REGION + PAGE_SIZE);
	pi = look(p, REGION + PAGE_SIZE);
	KEXPECT(ci.table != orig.table && ci.table_ref == 1 && ci.pmd_writable);
	KEXPECT_EQ(pi.table, orig.table);
	KEXPECT_EQ(pi.table_ref, 1);
	KEXPECT_EQ(pi.page_ref, 2);                     /* both tables map it */
	KEXPECT(!ci.pte_writable && !pi.pte_writable);
	KEXPECT_EQ(look(c, REGION).page_ref, 1);        /* the written page is a copy */
	KEXPECT_EQ(check2(p, c), 0);
	KEXPECT_EQ(handle_fault(p, REGION + PAGE_SIZE, WRITE), 0);
	pi = look(p, REGION + PAGE_SIZE);
	KEXPECT_EQ(pi.table, orig.table);               /* reused, not copied */
	KEXPECT(pi.pmd_writable && pi.pte_writable && pi.page_ref == 1);
	KEXPECT_EQ(check2(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Demand-zero in a shared table breaks it too: a new PTE is a change. */
KTEST(odf, demand_zero_breaks)
{
	struct mm *p = parent_with_pages(), *c;
	struct fork_stats st;
	uint64_t table = look(p, REGION).table;

	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(handle_fault(c, REGION + TOUCHED * PAGE_SIZE, READ), 0);
	KEXPECT(look(c, REGION).table != table);
	KEXPECT_EQ(look(p, REGION + TOUCHED * PAGE_SIZE).page, 0);
	KEXPECT_EQ(check2(p, c), 0);
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

		m[0] = parent_with_pages();
		m[1] = mm_fork(m[0], FORK_ODF, &st);
		m[2] = mm_fork(m[1], FORK_ODF, &st);
		KEXPECT_EQ(look(m[2], REGION).table_ref, 3);
		for (int i = 0; i < 3; i++) {
			mm_free(m[orders[o][i]]);
			m[orders[o][i]] = NULL;
			for (int j = 0; j < 3; j++)
				if (m[j])
					KEXPECT_EQ(look(m[j], REGION).table_ref, 2 - i);
		}
		KEXPECT_EQ(frames_free(), free_before);
	}
}

/* munmap of half a shared range breaks the table; munmap of all of it
 * drops the reference without copying. */
KTEST(odf, munmap_half_and_whole)
{
	struct mm *p = parent_with_pages(), *c;
	struct fork_stats st;
	uint64_t table = look(p, REGION).table;

	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(mm_munmap(c, REGION, PAGE_SIZE * TOUCHED / 2), 0);
	KEXPECT(look(c, REGION + PAGE_SIZE * (TOUCHED - 1)).table != table);
	KEXPECT_EQ(look(p, REGION).table_ref, 1);
	KEXPECT(look(p, REGION).page != 0);
	KEXPECT_EQ(check2(p, c), 0);
	mm_free(c);
	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(mm_munmap(c, REGION, HUGE_SIZE), 0);
	KEXPECT_EQ(look(p, REGION).table_ref, 1);
	KEXPECT_EQ(look(c, REGION).table, 0);
	KEXPECT_EQ(check2(p, c), 0);
	mm_free(c);
	mm_free(p);
}

KTEST(odf, mprotect_breaks)
{
	struct mm *p = parent_with_pages(), *c;
	struct fork_stats st;
	uint64_t table = look(p, REGION).table;

	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(mm_mprotect(c, REGION, PAGE_SIZE, PROT_READ), 0);
	KEXPECT(look(c, REGION).table != table);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), -EFAULT);
	KEXPECT_EQ(handle_fault(p, REGION, WRITE), 0);
	KEXPECT_EQ(check2(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Shared memory anywhere in the 2 MiB keeps the table out of sharing. */
KTEST(odf, shared_memory_not_shared_table)
{
	struct mm *p = parent_with_pages(), *c;
	struct fork_stats st;
	uint64_t shm = REGION + HUGE_SIZE / 2;

	KEXPECT_EQ(mm_mmap(p, shm, PAGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1), shm);
	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT(look(c, REGION).table != look(p, REGION).table);
	KEXPECT_EQ(look(c, shm).page, look(p, shm).page);
	KEXPECT(look(c, shm).pte_writable);
	KEXPECT_EQ(st.tables_shared, 0);
	KEXPECT_EQ(check2(p, c), 0);
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

	KEXPECT_EQ(mm_mmap(p, REGION, STRADDLE_SPAN, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1), REGION);
	for (uint64_t va = REGION; va < REGION + STRADDLE_SPAN; va += HUGE_SIZE / 2)
		KEXPECT_EQ(handle_fault(p, va, WRITE), 0);
	KEXPECT_EQ(mm_mmap(p, shm, shm_end - shm, PROT_READ | PROT_WRITE,
			   MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1), shm);
	KEXPECT_EQ(handle_fault(p, shm, WRITE), 0);
	KEXPECT_EQ(handle_fault(p, last, WRITE), 0);
	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(check2(p, c), 0);
	KEXPECT(look(c, shm).table != look(p, shm).table);
	KEXPECT(look(c, last).table != look(p, last).table);
	KEXPECT_EQ(handle_fault(c, shm, WRITE), 0);
	KEXPECT_EQ(handle_fault(c, last, WRITE), 0);
	KEXPECT_EQ(look(c, shm).page, look(p, shm).page);
	KEXPECT_EQ(look(c, last).page, look(p, last).page);
	KEXPECT(look(c, shm).pmd_writable && look(c, shm).pte_writable);
	KEXPECT(look(c, last).pmd_writable && look(c, last).pte_writable);
	KEXPECT_EQ(check2(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Two pages of shared memory across the boundary between two tables: it
 * starts before the upper table and ends after the lower one begins. */
KTEST(odf, shared_memory_straddles_boundary)
{
	uint64_t boundary = REGION + HUGE_SIZE;

	straddle(boundary - PAGE_SIZE, boundary + PAGE_SIZE);
}

/* Shared memory over a whole table and a page on either side: it neither
 * starts nor ends in the middle table's range. */
KTEST(odf, shared_memory_spans_table)
{
	uint64_t middle = REGION + HUGE_SIZE;

	straddle(middle - PAGE_SIZE, middle + HUGE_SIZE + PAGE_SIZE);
}

/* Out of frames: breaking fails with nothing changed, and so does fork. */
KTEST(odf, out_of_memory)
{
	struct mm *p = parent_with_pages(), *c;
	struct fork_stats st;
	struct page *list = NULL, *pg;
	uint64_t table = look(p, REGION).table;

	c = mm_fork(p, FORK_ODF, &st);
	while ((pg = page_alloc())) {
		pg->next = list;
		list = pg;
	}
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), -ENOMEM);
	KEXPECT_EQ(look(c, REGION).table, table);
	KEXPECT_EQ(look(c, REGION).table_ref, 2);
	KEXPECT(mm_fork(p, FORK_ODF, &st) == NULL);
	KEXPECT(mm_fork(p, FORK_COW, &st) == NULL);
	KEXPECT_EQ(look(p, REGION).table_ref, 2);
	while ((pg = list)) {
		list = pg->next;
		page_put(pg);
	}
	KEXPECT_EQ(check2(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* mm_check notices a wrong table count, a wrong page count, and a writable
 * entry to a shared table; each is put right again afterwards. */
KTEST(odf, mm_check_catches_bad_counts)
{
	struct mm *p = parent_with_pages(), *c;
	struct fork_stats st;
	struct page *table, *page;
	pte_t *pmd;

	c = mm_fork(p, FORK_ODF, &st);
	table = pa_page(look(p, REGION).table);
	page = pa_page(look(p, REGION).page);
	pmd = mm_walk(c, REGION, PT_PMD, 0);
	KEXPECT_EQ(check2(p, c), 0);
	table->ref++;
	KEXPECT_EQ(check2(p, c), -1);
	table->ref--;
	page->ref++;
	KEXPECT_EQ(check2(p, c), -1);
	page->ref--;
	*pmd |= PTE_W;
	KEXPECT_EQ(check2(p, c), -1);
	*pmd &= ~PTE_W;
	KEXPECT_EQ(check2(p, c), 0);
	mm_free(c);
	mm_free(p);
}
