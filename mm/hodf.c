/*
 * Hierarchical on-demand fork (hodf): parent and child share page tables
 * at every level below the pgd, not only PTE tables as odf does.
 *
 * At fork the highest table whose whole range holds only private memory
 * is shared: a pud table where a pgd entry's 512 GiB qualifies, else a pmd
 * table where a pud entry's 1 GiB does, else PTE tables as odf shares
 * them (mm/odf.c).  Sharing a table is what odf does one level down: the
 * parent's entry above it loses R/W, the child gets a copy of the entry,
 * and the table's struct page counts the entries pointing at it.  Below a
 * shared table nothing is touched, so a fork costs one step per pgd entry
 * in use, whatever the size of the memory under it:
 *
 *   parent pgd [P,-W] --+
 *                        +--> pud table (ref 2) --> pmd table (ref 1)
 *   child  pgd [P,-W] --+                            --> PTE tables (ref 1)
 *                                                         --> pages (ref 1)
 *
 * Rules (mm_check() checks them at every level):
 *   - a table's ref is the number of entries pointing at it;
 *   - a table with ref > 1 is reached only through read-only entries and
 *     covers no shared memory;
 *   - nothing changes an entry of a table reached through a shared one:
 *     every path that would first makes the tables above it its own
 *     (hodf_private_table()), from the top down.
 *
 * Breaking a shared pud or pmd table copies it, or reuses it at count 1:
 * the copy takes a reference on every table its entries point at, and the
 * entries of both copies lose R/W, so the tables one level down are now
 * shared in the ordinary way, and the next level's break deals with them.
 * A write under a shared pud table thus breaks it, then the pmd table,
 * then (mm/odf.c) the PTE table, then (mm/fault.c) copies the page.
 *
 * Dropping the last reference to a table drops its references on the
 * tables below it and frees it (hodf_table_put()); exit and munmap of a
 * whole entry's range copy nothing.
 *
 * On several CPUs the counts of upper tables keep odf's orderings
 * (mm/odf.c, mm/frame.h): a copy takes its references on the tables below
 * and write-protects its entries before its maker's count on the original
 * drops (a release), and a table is reused at count 1 only after an
 * acquire read of it.
 */
#include "mm/mm.h"
#include "mm/frame.h"
#include "mm/trace.h"
#include "kernel/errno.h"
#include "kernel/panic.h"

struct hodf_counters hodf_counters;

static struct page *table_page(pte_t e)
{
	return pa_page(pte_pa(e));
}

/* The fault-trace bit for a break of a table of `level`. */
static unsigned break_action(int level, int copied)
{
	if (level == PT_PUD)
		return copied ? FA_PUD_COPY : FA_PUD_REUSE;
	return copied ? FA_PMD_COPY : FA_PMD_REUSE;
}

/* Drops one reference on `table` (of `level`); the last one also drops
 * the table's references on the tables below it and frees it. */
static void table_drop(struct page *table, int level)
{
	pte_t *entries = page_va(table);

	if (page_put_unless_last(table))
		return;
	for (int i = 0; i < PT_ENTRIES; i++) {
		if (!(entries[i] & PTE_P))
			continue;
		if (level == PT_PMD)
			odf_table_put(&entries[i]);
		else
			hodf_table_put(&entries[i], level - 1);
	}
	pgtable_free(table);
}

/* A private copy of the shared table (of `level`) under *e, installed in
 * its place.  As in odf's copy, the pages' translations do not change and
 * stay read-only, so one invlpg drops the stale cached entries; the
 * original's count drops only after it, the copy complete (mm/odf.c's
 * copy_table() says why, and why the drop may be the last). */
static int copy_upper(struct mm *mm, uint64_t va, pte_t *e, int level)
{
	struct page *old = table_page(*e), *copy = pgtable_alloc();
	pte_t *src = page_va(old), *dst;

	if (!copy)
		return -ENOMEM;
	dst = page_va(copy);
	for (int i = 0; i < PT_ENTRIES; i++) {
		if (!(src[i] & PTE_P))
			continue;
		page_get(table_page(src[i]));
		dst[i] = pte_wrprotect(&src[i]);
	}
	*e = page_pa(copy) | (*e & ~PTE_ADDR) | PTE_W;
	flush_page(mm, va);
	table_drop(old, level);
	hodf_counters.copied[level]++;
	return break_action(level, 1);
}

/* Makes the table (of `level`) under the present entry *e one that mm
 * alone reaches; returns the FA_* bit of what it did, 0, or -ENOMEM with
 * nothing changed. */
static int unshare_entry(struct mm *mm, uint64_t va, pte_t *e, int level)
{
	if (*e & PTE_W)
		return 0;
	if (page_ref_acquire(table_page(*e)) > 1)
		return copy_upper(mm, va, e, level);
	/* count 1, read with acquire: every other sharer's copy is done */
	*e |= PTE_W;
	hodf_counters.reused[level]++;
	return break_action(level, 0);
}

int hodf_private_table(struct mm *mm, uint64_t va, int level, unsigned *actions)
{
	pte_t *table = mm->pgd;

	if (va >= USER_TOP)
		return 0;
	for (int l = PT_PGD; l > level; l--) {
		pte_t *e = &table[pt_index(va, l)];
		int done;

		if (!(*e & PTE_P))
			return 0;
		done = unshare_entry(mm, va, e, l - 1);
		if (done < 0)
			return -ENOMEM;
		if (actions)
			*actions |= done;
		table = pte_table(*e);
	}
	return 0;
}

int hodf_unshare_edge(struct mm *mm, uint64_t va)
{
	if (!(va & (pt_span(PT_PGD) - 1)))
		return 0;
	return hodf_private_table(mm, va, va & (PUD_SIZE - 1) ? PT_PMD : PT_PUD, NULL);
}

void hodf_table_put(pte_t *e, int level)
{
	struct page *table = table_page(*e);

	*e = 0;
	table_drop(table, level);
}

/* Does [start, start + span) hold only private memory? */
static int range_private(struct mm *mm, uint64_t start, uint64_t span)
{
	uint64_t end = start + span;

	for (struct vma *v = mm->vmas; v && v->start < end; v = v->next)
		if (v->end > start && v->kind == VMA_SHARED)
			return 0;
	return 1;
}

/* Shares the table under the parent's entry *pe with the child's empty
 * entry *ce. */
static void share(pte_t *pe, pte_t *ce, struct fork_stats *st)
{
	*pe &= ~PTE_W;
	*ce = *pe;
	page_get(table_page(*pe));
	st->tables_shared++;
}

/*
 * Tries to share the table of the pgd entry, else of the pud entry, that
 * holds va, with the child.  Returns 1 when the range from va to *next is
 * shared (now or by an earlier VMA's visit), 0 when the pmd table's range
 * must be copied below the pud level (mm/fork.c), or -ENOMEM.
 */
int hodf_share(struct mm *parent, struct mm *child, uint64_t va, uint64_t *next,
	       struct fork_stats *st)
{
	pte_t *pe = &parent->pgd[pt_index(va, PT_PGD)], *ce = &child->pgd[pt_index(va, PT_PGD)];
	uint64_t base = va & ~(pt_span(PT_PGD) - 1);

	*next = base + pt_span(PT_PGD);
	if (!(*pe & PTE_P) || pte_pa(*ce) == pte_pa(*pe))
		return 1;                       /* nothing mapped, or shared already */
	if (!(*ce & PTE_P) && range_private(parent, base, pt_span(PT_PGD))) {
		share(pe, ce, st);
		return 1;
	}
	if (hodf_private_table(parent, va, PT_PUD, NULL) < 0)
		return -ENOMEM;
	pe = mm_walk(parent, va, PT_PUD, 0);
	base = va & ~(PUD_SIZE - 1);
	*next = base + PUD_SIZE;
	if (!(*pe & PTE_P))
		return 1;
	if (!(ce = mm_walk(child, va, PT_PUD, 1)))
		return -ENOMEM;
	if (pte_pa(*ce) == pte_pa(*pe))
		return 1;
	if (!(*ce & PTE_P) && range_private(parent, base, PUD_SIZE)) {
		share(pe, ce, st);
		return 1;
	}
	return 0;
}
