/*
 * Copying an address space for fork, in forklab's three modes:
 *
 *   copy  every private page is copied now; the child gets its own tables
 *   cow   the child's PTEs point at the parent's pages, and private pages
 *         become read-only in both, each page's ref counting both users;
 *         the first write to one copies it (mm/fault.c, FAULT_COW)
 *   odf   the child's pmd entries point at the parent's PTE tables, which
 *         both now share read-only (mm/odf.c); where a table's range holds
 *         shared memory, the table is copied as in cow
 *   hodf  as odf, but the highest table whose whole range is private is
 *         shared: a pud table (512 GiB) or a pmd table (1 GiB) (mm/hodf.c)
 *
 * Shared memory (VMA_SHARED) is shared in every mode: its PTEs are copied
 * as they are, writable, with one more reference per page.
 *
 * The copy goes VMA by VMA, and inside one a pmd table (1 GiB) at a time:
 * both processes' pmd tables are found by one walk from the pgd, and then
 * read entry by entry, one PTE table (2 MiB) each, so that an odf fork
 * costs a few instructions per table and the empty parts of a sparse VMA
 * are skipped in big steps:
 *
 *   VMA   [=========================================)
 *   pmd   |  1 GiB: one walk, 512 entries  |  1 GiB: one walk ...
 *   entry | 2M | 2M | 2M | ...             |
 *
 * A table that several VMAs cover is visited once per VMA; in odf mode only
 * the first visit shares it (the child's pmd entry is then present), so
 * its count rises by one.
 */
#include <string.h>
#include "mm/mm.h"
#include "mm/frame.h"
#include "mm/tlb.h"
#include "kernel/errno.h"

const char *const fork_mode_names[FORK_MODES] = {
	[FORK_COPY] = "copy", [FORK_COW] = "cow", [FORK_ODF] = "odf", [FORK_HODF] = "hodf",
};

struct fork_walk {
	struct mm *child, *parent;
	const struct vma *v;
	enum fork_mode mode;
	struct fork_stats *stats;
};

static int copy_vmas(struct mm *child, struct mm *parent)
{
	child->brk_start = parent->brk_start;
	child->brk = parent->brk;
	child->layout = parent->layout;
	child->exe = parent->exe;
	if (child->exe)
		child->exe->ref++;
	return vma_copy_all(child, parent);
}

/* One PTE of the parent into the child; 0 or -ENOMEM.  In cow mode the
 * parent's table is its own (copy_pte_range made sure), so its PTE may
 * lose R/W. */
static int copy_present_pte(struct fork_walk *w, pte_t *src, pte_t *dst)
{
	struct page *pg = pa_page(pte_pa(*src)), *copy;

	w->stats->ptes_copied++;
	if (w->v->kind == VMA_SHARED) {
		page_get(pg);
		*dst = *src;
	} else if (w->mode != FORK_COPY) {
		/* LAB2: BEGIN cow_pte */
		page_get(pg);
		*src &= ~PTE_W;
		*dst = *src;
		/* LAB2: END cow_pte */
	} else {
		copy = user_page_alloc();
		if (!copy)
			return -ENOMEM;
		memcpy(page_va(copy), page_va(pg), PAGE_SIZE);
		*dst = page_pa(copy) | vma_pte_flags(w->v);
		w->stats->pages_copied++;
	}
	return 0;
}

/* The child's PTE table under its pmd entry, made (and counted) if it has
 * none yet. */
static pte_t *child_table(struct fork_walk *w, pte_t *pmd)
{
	struct page *t;

	if (!(*pmd & PTE_P)) {
		t = pgtable_alloc();
		if (!t)
			return NULL;
		*pmd = page_pa(t) | PTE_P | PTE_W | PTE_U;
		w->stats->tables_copied++;
	}
	return pte_table(*pmd);
}

/* The pages of [start, end), which lie in the one table under the parent's
 * pmd entry.  A cow copy write-protects the parent's PTEs, so a table the
 * parent shares from an earlier odf fork is first made its own (mm/odf.c):
 * changing a shared table's PTEs is never allowed, and leaving them
 * writable would let the parent write pages the child maps once the
 * table's other sharers leave. */
static int copy_pte_range(struct fork_walk *w, pte_t *pmd, pte_t *child_pmd,
			  uint64_t start, uint64_t end)
{
	pte_t *src, *dst = NULL;

	if (w->mode == FORK_COW && odf_unshare(w->parent, start, pmd) < 0)
		return -ENOMEM;
	src = pte_table(*pmd);
	for (uint64_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *s = &src[pt_index(va, PT_PTE)];

		if (!(*s & PTE_P))
			continue;
		if (!dst && !(dst = child_table(w, child_pmd)))
			return -ENOMEM;
		if (copy_present_pte(w, s, &dst[pt_index(va, PT_PTE)]) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* May this fork share the table of the 2 MiB range at base?  Only
 * odf_shareable() says: the range may hold shared memory of another VMA
 * even when this one is private, and until odf_shareable() is written
 * (lab 3) it says no, so that nothing is shared before the rest of odf
 * works.  It is told the VMA being copied, which answers for most ranges
 * without a scan. */
static int may_share(struct fork_walk *w, uint64_t base)
{
	return (w->mode == FORK_ODF || w->mode == FORK_HODF) &&
	       odf_shareable(w->parent, w->v, base);
}

/* The part [start, end) of the VMA that the parent's pmd entry maps: its
 * table is shared with the child, or its pages copied.  A table that
 * several VMAs cover is shared at the first one's visit only. */
static int copy_chunk(struct fork_walk *w, pte_t *pmd, pte_t *child_pmd,
		      uint64_t start, uint64_t end)
{
	if (!may_share(w, start & ~(PMD_SIZE - 1)))
		return copy_pte_range(w, pmd, child_pmd, start, end);
	if (!(*child_pmd & PTE_P)) {
		odf_share(pmd, child_pmd);
		w->stats->tables_shared++;
	}
	return 0;
}

/* The part [start, end) of the VMA that one pmd table maps (1 GiB at most):
 * both processes' pmd tables are found once, then read entry by entry.
 * Unless it only reads them, the parent's pmd table is made its own first
 * (a hodf fork may have shared it, mm/hodf.c). */
static int copy_pmd_range(struct fork_walk *w, uint64_t start, uint64_t end)
{
	pte_t *src, *dst = NULL;
	int first = pt_index(start, PT_PMD);

	if (w->mode != FORK_COPY && hodf_private_table(w->parent, start, PT_PMD, NULL) < 0)
		return -ENOMEM;
	src = mm_walk(w->parent, start, PT_PMD, 0);

	for (uint64_t va = start, next; src && va < end; va = next) {
		int i = pt_index(va, PT_PMD) - first;

		next = next_boundary(va, PMD_SIZE, end);
		if (!(src[i] & PTE_P))
			continue;
		if (!dst && !(dst = mm_walk(w->child, start, PT_PMD, 1)))
			return -ENOMEM;
		if (copy_chunk(w, &src[i], &dst[i], va, next) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* The VMA, a pmd table's span at a time; in hodf mode, a span whose pud
 * or pmd table is shared whole (mm/hodf.c) is skipped to its end. */
static int copy_page_range(struct fork_walk *w)
{
	for (uint64_t va = w->v->start, next; va < w->v->end; va = next) {
		int shared = w->mode == FORK_HODF ?
			     hodf_share(w->parent, w->child, va, &next, w->stats) : 0;

		if (shared < 0)
			return -ENOMEM;
		if (shared) {
			next = next < w->v->end ? next : w->v->end;
			continue;
		}
		next = next_boundary(va, PUD_SIZE, w->v->end);
		if (copy_pmd_range(w, va, next) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* A copy of parent for a child process, or NULL if memory ran out (then
 * nothing of the copy is left; the parent may have more read-only entries,
 * which its next writes resolve).  `stats` receives what the fork did. */
struct mm *mm_fork(struct mm *parent, enum fork_mode mode, struct fork_stats *stats)
{
	struct fork_walk w = { mm_new(), parent, NULL, mode, stats };
	int err = w.child ? copy_vmas(w.child, parent) : -ENOMEM;

	*stats = (struct fork_stats){ 0 };
	for (w.v = parent->vmas; w.v && !err; w.v = w.v->next)
		err = copy_page_range(&w);
	if (mode != FORK_COPY) {                /* the parent lost write access */
		flush_all_local(parent);
		if (fork_shootdown)
			stats->tlb_ipis = tlb_shootdown(parent);
		stats->tlb_flushes++;
	}
	if (err && w.child) {
		mm_free(w.child);
		return NULL;
	}
	return w.child;
}
