/*
 * On-demand fork: parent and child share last-level page tables.
 *
 * At fork, a PTE table whose 2 MiB range holds only private memory is not
 * copied.  The child's pmd entry points at the parent's table, both entries
 * lose R/W, and the table's struct page counts the pmd entries pointing at
 * it.  Because the R/W bits of all levels combine, the read-only pmd entry
 * write-protects all 512 pages at once, and no page count changes:
 *
 *   parent pmd [P, -W] --+
 *                         +--> PTE table (ref 2) --> page (ref 1) ...
 *   child  pmd [P, -W] --+          |
 *                                   +--> one reference per page, held by the
 *                                        table for all who share it
 *
 * Rules (mm_check() checks them):
 *   - a table's ref is the number of pmd entries pointing at it;
 *   - a table with ref > 1 is shared: every pmd entry pointing at it is
 *     read-only.  Sharing is read from the count, never from the R/W bit:
 *     a read-only pmd entry over a table with ref 1 is left over from a
 *     sharer that went away, and the next change simply reuses the table;
 *   - nothing changes a PTE in a shared table: every path that would
 *     (a fault installing or copying a page, munmap or mprotect of part of
 *     the range, brk, populating shared memory) first calls odf_unshare();
 *   - dropping the last reference to a table drops its pages' references
 *     and frees it, exactly once (odf_table_put()).
 *
 * Breaking the sharing copies the table: the copy takes a reference on
 * every page, and both tables lose R/W in every PTE, so that whichever
 * process writes a page later copies it (mm/fault.c) instead of writing a
 * page the other still maps.
 *
 * The sharers of a table may break or drop it on several CPUs at once
 * (docs/odf.md, "The odf steps on several CPUs"); the big kernel lock
 * serializes them today, and the counts' orderings keep them right
 * without it (mm/frame.h):
 *   - a copy is complete, every entry written and every page's count
 *     taken, before the copier drops its reference on the original (a
 *     release), and a sharer reuses a table only after reading count 1
 *     with an acquire, so it sees the whole copy and the pages' counts;
 *   - a breaker holds its own reference until its copy is done, so the
 *     table cannot be freed under it; if the others dropped theirs
 *     meanwhile, its drop is the last and it frees the table;
 *   - a new reference (fork) is taken only by a holder, so no other mm
 *     can raise a count its holder found to be 1.
 */
#include <string.h>
#include "mm/mm.h"
#include "mm/frame.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "mm/trace.h"

struct odf_counters odf_counters;

static struct page *table_page(pte_t pmd)
{
	return pa_page(pte_pa(pmd));
}

/* May the table of the 2 MiB range at start be shared?  Not if any of the
 * range is shared memory, whose pages must stay writable for everyone.
 * `hint` is the VMA fork is copying (or NULL): a range inside it, when it
 * is private, qualifies without a scan of the others, since VMAs never
 * overlap; that is nearly every range of a big region. */
int odf_shareable(struct mm *mm, const struct vma *hint, uint64_t start)
{
	/* LAB3: BEGIN shareable */
	uint64_t end = start + PMD_SIZE;

	if (hint && hint->kind != VMA_SHARED && hint->start <= start && end <= hint->end)
		return 1;
	for (struct vma *v = mm->vmas; v && v->start < end; v = v->next)
		if (v->end > start && v->kind == VMA_SHARED)
			return 0;
	return 1;
	/* LAB3: END shareable */
}

/* The child's pmd entry must be empty: a table it pointed at already would
 * keep a reference that no entry holds any more. */
void odf_share(pte_t *parent_pmd, pte_t *child_pmd)
{
	ASSERT(!(*child_pmd & PTE_P));
	/* LAB3: BEGIN share */
	*parent_pmd &= ~PTE_W;
	*child_pmd = *parent_pmd;
	page_get(table_page(*parent_pmd));
	/* LAB3: END share */
}

/* The last reference to a PTE table is gone: its references on its pages
 * go, and the table is freed. */
static void table_free(struct page *table)
{
	pte_t *e = page_va(table);

	for (int i = 0; i < PT_ENTRIES; i++)
		if (e[i] & PTE_P)
			user_page_put(pa_page(pte_pa(e[i])));
	pgtable_free(table);
}

/* LAB3: BEGIN copy_table */
/* A private copy of the shared table under pmd, installed in its place.
 * One invlpg is enough: every page keeps its frame and stays read-only, so
 * the TLB's entries for the range still say the truth; what is stale is a
 * cached copy of the old pmd entry, and an invlpg of an address under it
 * drops that (Intel SDM vol. 3, 4.10.4.1: it empties the paging-structure
 * caches). */
static int copy_table(struct mm *mm, uint64_t va, pte_t *pmd)
{
	struct page *old = table_page(*pmd), *copy = pgtable_alloc();
	pte_t *src = page_va(old), *dst;

	if (!copy)
		return -ENOMEM;
	dst = page_va(copy);
	for (int i = 0; i < PT_ENTRIES; i++) {
		if (!(src[i] & PTE_P))
			continue;
		page_get(pa_page(pte_pa(src[i])));
		dst[i] = pte_wrprotect(&src[i]);
	}
	*pmd = page_pa(copy) | (*pmd & ~PTE_ADDR) | PTE_W;
	flush_page(mm, va);
	/* The copy is complete and no CPU walks the original for mm any more:
	 * only now may its count drop (a release).  Others normally still map
	 * it; if they all let go since odf_unshare() read the count, this was
	 * the last reference. */
	if (!page_put_unless_last(old))
		table_free(old);
	odf_counters.tables_copied++;
	return FA_TABLE_COPY;
}
/* LAB3: END copy_table */

/* Makes the table under pmd (present) one that mm alone maps, so that its
 * PTEs may change: reuses it if nobody else maps it any more, else copies
 * it.  Returns what it did (0, FA_TABLE_REUSE or FA_TABLE_COPY), or -ENOMEM
 * with nothing changed. */
int odf_unshare(struct mm *mm, uint64_t va, pte_t *pmd)
{
	/* LAB3: BEGIN unshare */
	if (*pmd & PTE_W)
		return 0;
	if (page_ref_acquire(table_page(*pmd)) == 1) {  /* every other copy is done */
		*pmd |= PTE_W;
		odf_counters.tables_reused++;
		return FA_TABLE_REUSE;
	}
	return copy_table(mm, va, pmd);
	/* LAB3: END unshare */
}

/* Unshares every table of [start, end), and the tables above each one
 * (mm/hodf.c); 0 or -ENOMEM (the tables unshared so far stay so, which
 * nobody can tell). */
int odf_unshare_range(struct mm *mm, uint64_t start, uint64_t end)
{
	for (uint64_t va = start & ~(PMD_SIZE - 1), next; va < end; va = next) {
		pte_t *pmd = mm_walk_pmd(mm, va, end, &next);

		if (!pmd || !(*pmd & PTE_P))
			continue;
		if (hodf_private_table(mm, va, PT_PMD, NULL) < 0)
			return -ENOMEM;
		if (odf_unshare(mm, va, mm_walk(mm, va, PT_PMD, 0)) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* Drops the reference pmd holds on its table and clears the entry; the last
 * reference also drops the table's references on its pages. */
void odf_table_put(pte_t *pmd)
{
	struct page *table = table_page(*pmd);

	*pmd = 0;
	/* LAB3: BEGIN table_put */
	if (page_put_unless_last(table))
		return;
	/* LAB3: END table_put */
	table_free(table);
}
