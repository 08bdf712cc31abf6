/*
 * Hierarchical on-demand fork inside the kernel (mm/hodf.c): address
 * spaces built by hand, faults raised by calling handle_fault(), counts
 * read from struct page at every level.  The fixture's region lies in the
 * pgd's entry 0, which holds nothing else, so a hodf fork shares the pud
 * table under that entry; with shared memory in another GiB of the same
 * entry, it shares the region's pmd table instead.
 */
#include "tests/ktest.h"
#include "tests/kernel/mm_fixture.h"
#include "mm/frame.h"
#include "mm/trace.h"
#include "kernel/errno.h"

#define EVERY_BREAK     (FA_PUD_COPY | FA_PMD_COPY | FA_TABLE_COPY | FA_PAGE_COPY)

/* The entry of `level` for va in mm (present or not). */
static pte_t entry(struct mm *mm, uint64_t va, int level)
{
	pte_t *e = mm_walk(mm, va, level, 0);

	return e ? *e : 0;
}

static uint32_t table_ref(pte_t e)
{
	return page_ref(pa_page(pte_pa(e)));
}

/* What the last fault did (mm/trace.h). */
static unsigned last_actions(void)
{
	return fault_trace.ev[(fault_trace.next - 1) % FAULT_TRACE_SIZE].actions;
}

KTEST(hodf, fork_shares_pud_table)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	uint64_t before = nr_user_pgtables;

	c = mm_fork(p, FORK_HODF, &st);
	KEXPECT_EQ(pte_pa(c->pgd[0]), pte_pa(p->pgd[0]));
	KEXPECT_EQ(table_ref(p->pgd[0]), 2);
	KEXPECT(!(p->pgd[0] & PTE_W) && !(c->pgd[0] & PTE_W));
	KEXPECT_EQ(st.tables_shared, 1);
	KEXPECT_EQ(st.ptes_copied, 0);
	KEXPECT_EQ(nr_user_pgtables, before + 1);       /* the child's pgd alone */
	KEXPECT_EQ(fixture_look(c, REGION).page, fixture_look(p, REGION).page);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	KEXPECT_EQ(table_ref(p->pgd[0]), 1);
	KEXPECT_EQ(CHECK_MMS(p), 0);
	mm_free(p);
}

/* Shared memory in the pgd entry's range, outside the region's GiB: the
 * pud table is the child's own, the region's pmd table is shared. */
KTEST(hodf, shared_memory_shares_pmd_table)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;

	fixture_map(p, REGION + PUD_SIZE, PAGE_SIZE, RW, SHARED_FIXED);
	c = mm_fork(p, FORK_HODF, &st);
	KEXPECT(pte_pa(c->pgd[0]) != pte_pa(p->pgd[0]));
	KEXPECT_EQ(table_ref(p->pgd[0]), 1);
	KEXPECT_EQ(pte_pa(entry(c, REGION, PT_PUD)), pte_pa(entry(p, REGION, PT_PUD)));
	KEXPECT_EQ(table_ref(entry(p, REGION, PT_PUD)), 2);
	KEXPECT(!(entry(p, REGION, PT_PUD) & PTE_W));
	KEXPECT(entry(p, REGION + PUD_SIZE, PT_PUD) & PTE_W);  /* shared memory: copied */
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* The child's write breaks every level from the top down; the parent's
 * next write reuses its tables (count 1 by then) and copies the page the
 * child's copies still map. */
KTEST(hodf, break_each_level_then_reuse)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	uint64_t pud = pte_pa(p->pgd[0]);

	c = mm_fork(p, FORK_HODF, &st);
	KEXPECT_EQ(handle_fault(c, REGION, READ), 0);   /* reads never break */
	KEXPECT_EQ(pte_pa(c->pgd[0]), pud);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), 0);
	KEXPECT_EQ(last_actions() & EVERY_BREAK, EVERY_BREAK);
	KEXPECT(pte_pa(c->pgd[0]) != pud && (c->pgd[0] & PTE_W));
	KEXPECT_EQ(table_ref(p->pgd[0]), 1);
	KEXPECT(!(entry(p, REGION, PT_PUD) & PTE_W));   /* the copy left it read-only */
	KEXPECT_EQ(*(uint8_t *)P2V(fixture_look(c, REGION).page), SEED);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	KEXPECT_EQ(handle_fault(p, REGION + PAGE_SIZE, WRITE), 0);
	KEXPECT_EQ(last_actions() & (FA_PUD_REUSE | FA_PMD_REUSE | FA_TABLE_REUSE | FA_PAGE_COPY),
		   FA_PUD_REUSE | FA_PMD_REUSE | FA_TABLE_REUSE | FA_PAGE_COPY);
	KEXPECT_EQ(pte_pa(p->pgd[0]), pud);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	KEXPECT_EQ(CHECK_MMS(p), 0);
	mm_free(p);
}

/* After the child exits, the parent's write reuses the table that was
 * shared (the levels below it were never write-protected) and the page
 * itself: nothing is copied. */
KTEST(hodf, child_exit_leaves_one_reuse_per_level)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct forklab_inspect before = fixture_look(p, REGION);

	c = mm_fork(p, FORK_HODF, &st);
	mm_free(c);
	KEXPECT_EQ(table_ref(p->pgd[0]), 1);
	KEXPECT_EQ(handle_fault(p, REGION, WRITE), 0);
	KEXPECT_EQ(last_actions(), FA_PUD_REUSE | FA_PAGE_REUSE);
	KEXPECT_EQ(fixture_look(p, REGION).page, before.page);
	KEXPECT_EQ(CHECK_MMS(p), 0);
	mm_free(p);
}

/* Memory runs out in the middle of a break: the fault fails, the child's
 * view of memory is unchanged, the counts still hold, and once frames
 * are back the same write succeeds. */
KTEST(hodf, out_of_memory_during_break)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct page *taken, *one;

	c = mm_fork(p, FORK_HODF, &st);
	taken = fixture_take_frames();
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), -ENOMEM);
	KEXPECT_EQ(table_ref(p->pgd[0]), 2);            /* no frame: nothing changed */
	one = taken;
	taken = taken->next;
	page_put(one);                                  /* enough for the pud level */
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), -ENOMEM);
	KEXPECT_EQ(fixture_look(c, REGION).page, fixture_look(p, REGION).page);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	fixture_give_frames(taken);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), 0);
	KEXPECT(fixture_look(c, REGION).page != fixture_look(p, REGION).page);
	KEXPECT_EQ(*(uint8_t *)P2V(fixture_look(p, REGION).page), SEED);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Three generations share one pud table; any order of exits frees all. */
KTEST(hodf, chain_every_exit_order)
{
	static const int orders[][3] = { {0, 1, 2}, {2, 1, 0}, {1, 0, 2} };
	uint64_t free_before = frames_free();

	for (unsigned o = 0; o < sizeof(orders) / sizeof(orders[0]); o++) {
		struct mm *m[3];
		struct fork_stats st;

		m[0] = fixture_parent();
		m[1] = mm_fork(m[0], FORK_HODF, &st);
		m[2] = mm_fork(m[1], FORK_HODF, &st);
		KEXPECT_EQ(table_ref(m[2]->pgd[0]), 3);
		KEXPECT_EQ(CHECK_MMS(m[0], m[1], m[2]), 0);
		for (int i = 0; i < 3; i++) {
			mm_free(m[orders[o][i]]);
			m[orders[o][i]] = NULL;
		}
		KEXPECT_EQ(frames_free(), free_before);
	}
}

/* Every path that changes entries breaks the levels above first:
 * demand-zero in a new 2 MiB, munmap of part, mprotect, a new mapping. */
KTEST(hodf, changes_break_upper_levels)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;

	c = mm_fork(p, FORK_HODF, &st);
	fixture_map(c, REGION + PMD_SIZE, PMD_SIZE, RW, ANON_FIXED);
	KEXPECT_EQ(handle_fault(c, REGION + PMD_SIZE, WRITE), 0);      /* a new PTE table */
	KEXPECT_EQ(entry(p, REGION + PMD_SIZE, PT_PMD), 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	c = mm_fork(p, FORK_HODF, &st);
	KEXPECT_EQ(mm_munmap(c, REGION, PAGE_SIZE), 0);
	KEXPECT(fixture_look(p, REGION).page != 0);
	KEXPECT_EQ(fixture_look(c, REGION).page, 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	KEXPECT_EQ(mm_mprotect(c, REGION + PAGE_SIZE, PMD_SIZE - PAGE_SIZE, PROT_READ), 0);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	KEXPECT_EQ(handle_fault(p, REGION + PAGE_SIZE, WRITE), 0);     /* the parent's stay writable */
	KEXPECT_EQ(handle_fault(c, REGION + PAGE_SIZE, WRITE), -EFAULT);
	mm_free(c);
	c = mm_fork(p, FORK_HODF, &st);
	KEXPECT_EQ(mm_munmap(c, REGION, PMD_SIZE), 0);              /* whole: dropped */
	KEXPECT_EQ(fixture_look(p, REGION).page_ref, 1);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	KEXPECT_EQ(CHECK_MMS(p), 0);
	mm_free(p);
}

/* mm_check notices a count not taken and an entry left writable, at the
 * pud level as at the pmd level. */
KTEST(hodf, check_catches_broken_rules)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct page *pud;

	c = mm_fork(p, FORK_HODF, &st);
	pud = pa_page(pte_pa(p->pgd[0]));
	KEXPECT_EQ(page_put_unless_last(pud), 1);
	KEXPECT_EQ(CHECK_MMS(p, c), -1);
	page_get(pud);
	c->pgd[0] |= PTE_W;
	KEXPECT_EQ(CHECK_MMS(p, c), -1);
	c->pgd[0] &= ~PTE_W;
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}
