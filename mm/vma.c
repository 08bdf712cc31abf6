/*
 * The VMA list of an address space (mm/mm.h): a singly linked list sorted by
 * address.  Processes have a handful of VMAs, so a list is fast enough and
 * easy to follow.  Every VMA is made here, by vma_insert and vma_split,
 * which refuse what would break the rules of mm/mm.h (a VMA is a non-empty,
 * page-aligned range of user space, and none overlap), so that no walk
 * driven by the list can reach past user space; and by vma_copy_all, whose
 * copies of a list that keeps the rules keep them too.
 */
#include "mm/mm.h"
#include "mm/heap.h"
#include "kernel/errno.h"
#include "kernel/vfs.h"

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

/* Is [start, end) a range a VMA may have? */
int vma_range_ok(uint64_t start, uint64_t end)
{
	return start < end && end <= USER_TOP && !((start | end) & ~PAGE_MASK);
}

struct vma *vma_new(uint64_t start, uint64_t end, int prot, enum vma_kind kind)
{
	struct vma *v = kzalloc(sizeof(*v));

	if (v)
		*v = (struct vma){ .start = start, .end = end, .prot = prot, .kind = kind,
				   .maxprot = PROT_ALL };
	return v;
}

struct vma *vma_dup(const struct vma *v)
{
	struct vma *copy = kmalloc(sizeof(*copy));     /* every field written below */

	if (!copy)
		return NULL;
	*copy = *v;
	copy->next = NULL;
	if (copy->file)
		inode_get(copy->file);
	return copy;
}

void vma_free(struct vma *v)
{
	if (v->file)
		inode_put(v->file);
	kfree(v);
}

int vma_add(struct mm *mm, struct vma *v)
{
	struct vma **link = &mm->vmas;
	int err = !vma_range_ok(v->start, v->end) ? -EINVAL : range_free(mm, v->start, v->end);

	if (err < 0) {
		vma_free(v);
		return err;
	}
	while (*link && (*link)->start < v->start)
		link = &(*link)->next;
	v->next = *link;
	*link = v;
	return 0;
}

int vma_insert(struct mm *mm, uint64_t start, uint64_t end, int prot, enum vma_kind kind)
{
	struct vma *v = vma_new(start, end, prot, kind);

	return v ? vma_add(mm, v) : -ENOMEM;
}

/* Gives `to`, which has no VMAs, copies of from's, linked in the same
 * order: fork's copy needs neither vma_add()'s checks nor its search for
 * each copy's place, which would make it quadratic in the VMAs.  0 or
 * -ENOMEM (the copies made so far stay on to's list, for its mm_free()). */
int vma_copy_all(struct mm *to, const struct mm *from)
{
	struct vma **tail = &to->vmas;

	for (const struct vma *v = from->vmas; v; v = v->next) {
		struct vma *copy = vma_dup(v);

		if (!copy)
			return -ENOMEM;
		*tail = copy;
		tail = &copy->next;
	}
	return 0;
}

/* Cuts the VMA containing addr in two at addr; 0, -EINVAL (addr is not
 * page aligned) or -ENOMEM. */
int vma_split(struct mm *mm, uint64_t addr)
{
	struct vma *v = vma_find(mm, addr), *tail;

	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (!v || v->start == addr)
		return 0;
	tail = vma_dup(v);
	if (!tail)
		return -ENOMEM;
	tail->start = addr;
	tail->pgoff += (addr - v->start) / PAGE_SIZE;
	tail->next = v->next;
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
	vma_free(v);
}

/* The highest start for len bytes that ends at or below hi and is a
 * multiple of align (a power of two), or 0 if it would fall below lo
 * (lo < hi).  Written so that no sum can wrap around. */
static uint64_t highest(uint64_t lo, uint64_t hi, uint64_t len, uint64_t align)
{
	uint64_t a = (hi - len) & ~(align - 1);

	return len <= hi - lo && a >= lo ? a : 0;
}

/* Where in the free gap [lo, hi) len bytes go: as high as they fit, and a
 * mapping of 2 MiB or more on a 2 MiB boundary where the gap allows, so
 * that its PTE tables map nothing else: the fewest tables, and on-demand
 * fork can share them whole. */
static uint64_t place(uint64_t lo, uint64_t hi, uint64_t len)
{
	uint64_t a = len >= PMD_SIZE ? highest(lo, hi, len, PMD_SIZE) : 0;

	return a ? a : highest(lo, hi, len, PAGE_SIZE);
}

/* A free, page-aligned range of len bytes: at hint if free, else the highest
 * one below MMAP_TOP (placed as place() says).  Returns 0 if none. */
uint64_t range_find(struct mm *mm, uint64_t len, uint64_t hint)
{
	uint64_t best = 0, gap_start = USER_ELF_MIN;

	if (hint && hint >= USER_ELF_MIN && hint + len <= MMAP_TOP && hint + len > hint &&
	    !range_free(mm, hint, hint + len))
		return hint;
	for (struct vma *v = mm->vmas; ; v = v->next) {
		uint64_t gap_end = v ? v->start : USER_TOP, here;

		if (gap_end > MMAP_TOP)
			gap_end = MMAP_TOP;
		if (gap_start < USER_ELF_MIN)
			gap_start = USER_ELF_MIN;
		if (gap_end > gap_start && (here = place(gap_start, gap_end, len)))
			best = here;
		if (!v || v->start >= MMAP_TOP)
			return best;
		gap_start = v->end;
	}
}
