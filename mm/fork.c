/*
 * Copying an address space for fork, in two of forklab's modes:
 *
 *   copy  every private page is copied now; the child gets its own tables
 *   cow   the child's PTEs point at the parent's pages, and private pages
 *         become read-only in both, each page's ref counting both users;
 *         the first write to one copies it (mm/fault.c, FAULT_COW)
 *
 * Shared memory (VMA_SHARED) is shared in both modes: its PTEs are copied
 * as they are, writable, with one more reference per page.
 *
 * The copy walks the parent one PTE table (2 MiB) at a time, so it skips
 * the empty parts of a sparse VMA in big steps.
 */
#include <string.h>
#include "mm/mm.h"
#include "mm/frame.h"
#include "kernel/errno.h"

static int copy_vmas(struct mm *child, struct mm *parent)
{
	child->brk_start = parent->brk_start;
	child->brk = parent->brk;
	for (struct vma *v = parent->vmas; v; v = v->next)
		if (vma_insert(child, v->start, v->end, v->prot, v->kind) < 0)
			return -ENOMEM;
	return 0;
}

/* One PTE of the parent into the child; 0 or -ENOMEM. */
static int copy_pte(struct mm *child, const struct vma *v, pte_t *src, pte_t *dst,
		    enum fork_mode mode)
{
	struct page *pg = pa_page(pte_pa(*src)), *copy;

	if (v->kind == VMA_SHARED || mode == FORK_COW) {
		page_get(pg);
		if (v->kind != VMA_SHARED)
			*src &= ~PTE_W;
		*dst = *src;
	} else {
		copy = user_page_alloc();
		if (!copy)
			return -ENOMEM;
		memcpy(page_va(copy), page_va(pg), PAGE_SIZE);
		*dst = page_pa(copy) | (*src & ~PTE_ADDR);
	}
	child->rss++;
	return 0;
}

/* The pages of [start, end), which lie in one PTE table. */
static int copy_table_range(struct mm *child, struct mm *parent, const struct vma *v,
			    uint64_t start, uint64_t end, enum fork_mode mode)
{
	pte_t *pmd = mm_walk(parent, start, PT_PMD, 0), *src, *dst;

	if (!pmd || !(*pmd & PTE_P))
		return 0;
	src = pte_table(*pmd);
	for (uint64_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *s = &src[pt_index(va, PT_PTE)];

		if (!(*s & PTE_P))
			continue;
		dst = mm_walk(child, va, PT_PTE, 1);
		if (!dst || copy_pte(child, v, s, dst, mode) < 0)
			return -ENOMEM;
	}
	return 0;
}

static int copy_vma_pages(struct mm *child, struct mm *parent, const struct vma *v,
			  enum fork_mode mode)
{
	for (uint64_t va = v->start; va < v->end; ) {
		uint64_t next = (va + HUGE_SIZE) & ~(HUGE_SIZE - 1);

		if (next > v->end)
			next = v->end;
		if (copy_table_range(child, parent, v, va, next, mode) < 0)
			return -ENOMEM;
		va = next;
	}
	return 0;
}

/* A copy of parent for a child process, or NULL if memory ran out (then
 * nothing of the copy is left; the parent may have more read-only PTEs,
 * which its next writes resolve). */
struct mm *mm_fork(struct mm *parent, enum fork_mode mode)
{
	struct mm *child = mm_new();
	int err = child ? copy_vmas(child, parent) : -ENOMEM;

	for (struct vma *v = parent->vmas; v && !err; v = v->next)
		err = copy_vma_pages(child, parent, v, mode);
	flush_all(parent);
	if (err && child) {
		mm_free(child);
		return NULL;
	}
	return child;
}
