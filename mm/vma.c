/*
 * The VMA list of an address space (mm/mm.h): a singly linked list sorted by
 * address.  Processes have a handful of VMAs, so a list is fast enough and
 * easy to follow; every operation keeps it sorted and free of overlaps.
 */
#include "mm/mm.h"
#include "mm/heap.h"
#include "kernel/errno.h"

struct vma *vma_find(struct mm *mm, uint64_t addr)
{
	for (struct vma *v = mm->vmas; v && v->start <= addr; v = v->next)
		if (addr < v->end)
			return v;
	return NULL;
}

struct vma *vma_prev(struct mm *mm, struct vma *v)
{
	struct vma *p = mm->vmas;

	if (p == v)
		return NULL;
	while (p && p->next != v)
		p = p->next;
	return p;
}

/* Is [start, end) free of VMAs?  Returns 0 or -ENOMEM. */
int range_free(struct mm *mm, uint64_t start, uint64_t end)
{
	for (struct vma *v = mm->vmas; v && v->start < end; v = v->next)
		if (v->end > start)
			return -ENOMEM;
	return 0;
}

int vma_insert(struct mm *mm, uint64_t start, uint64_t end, int prot, enum vma_kind kind)
{
	struct vma **link = &mm->vmas, *v;

	if (range_free(mm, start, end) < 0)
		return -ENOMEM;
	v = kzalloc(sizeof(*v));
	if (!v)
		return -ENOMEM;
	*v = (struct vma){ start, end, prot, kind, NULL };
	while (*link && (*link)->start < start)
		link = &(*link)->next;
	v->next = *link;
	*link = v;
	return 0;
}

/* Cuts the VMA containing addr in two at addr; 0 or -ENOMEM. */
int vma_split(struct mm *mm, uint64_t addr)
{
	struct vma *v = vma_find(mm, addr), *tail;

	if (!v || v->start == addr)
		return 0;
	tail = kzalloc(sizeof(*tail));
	if (!tail)
		return -ENOMEM;
	*tail = *v;
	tail->start = addr;
	v->end = addr;
	v->next = tail;
	return 0;
}

void vma_remove(struct mm *mm, struct vma *v)
{
	struct vma *p = vma_prev(mm, v);

	if (p)
		p->next = v->next;
	else
		mm->vmas = v->next;
	kfree(v);
}

/* A free, page-aligned range of len bytes: at hint if free, else the highest
 * one below MMAP_TOP.  Returns 0 if none. */
uint64_t range_find(struct mm *mm, uint64_t len, uint64_t hint)
{
	uint64_t best = 0, gap_start = PAGE_SIZE;

	if (hint && hint >= USER_ELF_MIN && hint + len <= MMAP_TOP && hint + len > hint &&
	    !range_free(mm, hint, hint + len))
		return hint;
	for (struct vma *v = mm->vmas; ; v = v->next) {
		uint64_t gap_end = v ? v->start : USER_TOP;

		if (gap_end > MMAP_TOP)
			gap_end = MMAP_TOP;
		if (gap_end >= gap_start + len && gap_end - len >= USER_ELF_MIN)
			best = gap_end - len;
		if (!v || v->start >= MMAP_TOP)
			return best;
		gap_start = v->end;
	}
}
