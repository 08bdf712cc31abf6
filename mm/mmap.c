/*
 * mmap, munmap, mprotect and brk.  Each works on whole pages, splits VMAs
 * where a range starts or ends inside one, and then fixes the PTEs.
 *
 * Under on-demand fork a PTE table may be shared (mm/odf.c), and changing
 * its PTEs needs a private copy first, which needs memory.  So each call
 * first unshares the tables it will change, before it changes anything:
 * if that fails, the call fails with ENOMEM and nothing visible changed.
 * munmap and brk change PTEs only in the tables at the ends of the range
 * (tables wholly inside it are dropped whole); mprotect in all of them.
 */
#include <stddef.h>
#include "mm/mm.h"
#include "mm/heap.h"
#include "mm/frame.h"
#include "kernel/errno.h"

#define PROT_ALL        (PROT_READ | PROT_WRITE | PROT_EXEC)

static int range_ok(uint64_t addr, uint64_t len)
{
	return !(addr & ~PAGE_MASK) && len && addr < USER_TOP && len <= USER_TOP - addr;
}

/* Makes start and end VMA boundaries; 0 or -ENOMEM. */
static int split_at(struct mm *mm, uint64_t start, uint64_t end)
{
	if (vma_split(mm, start) < 0 || vma_split(mm, end) < 0)
		return -ENOMEM;
	return 0;
}

/* Unshares the tables holding start and end, at every level, where the
 * range covers only part of them. */
static int unshare_ends(struct mm *mm, uint64_t start, uint64_t end)
{
	if (hodf_unshare_edge(mm, start) < 0 || hodf_unshare_edge(mm, end) < 0)
		return -ENOMEM;
	if ((start & (PMD_SIZE - 1)) && odf_unshare_range(mm, start, start + 1) < 0)
		return -ENOMEM;
	if ((end & (PMD_SIZE - 1)) && odf_unshare_range(mm, end - 1, end) < 0)
		return -ENOMEM;
	return 0;
}

/* v's range widened to whole pud tables, but kept inside [lo, hi): a
 * table of any level that the unmapped range covers wholly must be dropped
 * whole, even where v covers only part of it, since under on-demand fork
 * it may be shared (a PTE table in odf, a pmd or pud table in hodf), and
 * its entries are then the other processes' too.  The widened range ends
 * on a pgd entry's boundary, where no table is cut, or at lo or hi, whose
 * tables unshare_ends() has made private at every level. */
static void unmap_vma(struct mm *mm, struct vma *v, uint64_t lo, uint64_t hi)
{
	uint64_t span = pt_span(PT_PGD);
	uint64_t start = v->start & ~(span - 1);
	uint64_t end = (v->end + span - 1) & ~(span - 1);

	unmap_range(mm, start > lo ? start : lo, end < hi ? end : hi);
}

long mm_munmap(struct mm *mm, uint64_t addr, uint64_t len)
{
	uint64_t end;
	struct vma *v, *next;

	if (!range_ok(addr, PAGE_ROUND_UP(len)))
		return -EINVAL;
	end = addr + PAGE_ROUND_UP(len);
	if (unshare_ends(mm, addr, end) < 0 || split_at(mm, addr, end) < 0)
		return -ENOMEM;
	for (v = mm->vmas; v; v = next) {
		next = v->next;
		if (v->start >= addr && v->end <= end) {
			unmap_vma(mm, v, addr, end);
			vma_remove(mm, v);
		}
	}
	return 0;
}

/* Shared memory gets its pages now, so that fork can share them.  If
 * memory runs out, the pages mapped so far go again, and v with them; that
 * cannot fail, since their tables are private already (pte_for_change made
 * them so). */
static int populate(struct mm *mm, struct vma *v)
{
	uint64_t va;

	for (va = v->start; va < v->end; va += PAGE_SIZE) {
		pte_t *pte = pte_for_change(mm, va, NULL);

		if (!pte || map_new_page(mm, v, va, pte) < 0)
			break;
	}
	if (va == v->end)
		return 0;
	unmap_range(mm, v->start, va);
	vma_remove(mm, v);
	return -ENOMEM;
}

/* Puts v (NULL: there was no memory for it) in place of what was there:
 * v's memory is had before the old mapping goes, so that only populate
 * can fail after it (then the range is left unmapped, as Linux may leave
 * it after a failed MAP_FIXED). */
static long map(struct mm *mm, struct vma *v, int flags)
{
	if (!v)
		return -ENOMEM;
	if ((flags & MAP_FIXED) && mm_munmap(mm, v->start, v->end - v->start) < 0) {
		kfree(v);
		return -ENOMEM;
	}
	if (vma_add(mm, v) < 0)
		return -ENOMEM;
	if (v->kind == VMA_SHARED && populate(mm, v) < 0)
		return -ENOMEM;
	return v->start;
}

/* Linux's default overcommit heuristic refuses, at mmap time, a mapping
 * of memory that could be written to and is larger than all memory; a
 * read-only private or MAP_NORESERVE one is not counted. */
static int accounted(int prot, int flags)
{
	if (flags & MAP_NORESERVE)
		return 0;
	return (prot & PROT_WRITE) || (flags & MAP_TYPE) == MAP_SHARED;
}

long mm_mmap(struct mm *mm, uint64_t addr, uint64_t len, int prot, int flags, int fd)
{
	int type = flags & MAP_TYPE;
	enum vma_kind kind = type == MAP_SHARED ? VMA_SHARED : VMA_ANON;

	if (!len || (type != MAP_SHARED && type != MAP_PRIVATE) || (prot & ~PROT_ALL))
		return -EINVAL;
	if (len > USER_TOP)                     /* also: rounding up would wrap */
		return -ENOMEM;
	len = PAGE_ROUND_UP(len);
	if (!(flags & MAP_ANONYMOUS) || fd != -1)
		return -ENODEV;                 /* no files to map: the root is in memory */
	if (accounted(prot, flags) && len / PAGE_SIZE > frames_total())
		return -ENOMEM;                 /* could never be had */
	if (flags & MAP_FIXED) {
		if ((addr & ~PAGE_MASK) || addr < PAGE_SIZE)
			return -EINVAL;
		if (!range_ok(addr, len))
			return -ENOMEM;                 /* past USER_TOP, as Linux */
	} else {
		addr = range_find(mm, len, PAGE_ROUND_DOWN(addr));
		if (!addr)
			return -ENOMEM;
	}
	return map(mm, vma_new(addr, addr + len, prot, kind), flags);
}

/*
 * Errors come in Linux's order: a misaligned addr or unknown prot is
 * EINVAL, a length of 0 changes nothing, and a range that wraps or leaves
 * user space is ENOMEM, as one with a hole in it.
 */
long mm_mprotect(struct mm *mm, uint64_t addr, uint64_t len, int prot)
{
	uint64_t end;

	if ((addr & ~PAGE_MASK) || (prot & ~PROT_ALL))
		return -EINVAL;
	if (!len)
		return 0;
	if (!range_ok(addr, PAGE_ROUND_UP(len)))
		return -ENOMEM;
	end = addr + PAGE_ROUND_UP(len);
	for (uint64_t a = addr; a < end; ) {
		struct vma *v = vma_find(mm, a);

		if (!v)
			return -ENOMEM;         /* Linux: a hole in the range */
		a = v->end;
	}
	if (odf_unshare_range(mm, addr, end) < 0 || split_at(mm, addr, end) < 0)
		return -ENOMEM;
	for (struct vma *v = vma_find(mm, addr); v && v->start < end; v = v->next) {
		v->prot = prot;
		protect_range(mm, v);
	}
	return 0;
}

/* Returns the new break, or the old one if it cannot move there.  The heap
 * VMA keeps at least its first page, so that it can always be found.  addr
 * is checked before it is rounded up, which near the top of the address
 * range would wrap around to a small end. */
uint64_t mm_brk(struct mm *mm, uint64_t addr)
{
	struct vma *heap = vma_find(mm, mm->brk_start);
	uint64_t end = PAGE_ROUND_UP(addr), min_end = mm->brk_start + PAGE_SIZE;

	if (addr < mm->brk_start || addr > MMAP_TOP || !heap || heap->kind != VMA_BRK)
		return mm->brk;
	if (end > heap->end) {
		if (range_free(mm, heap->end, end) < 0)
			return mm->brk;
	} else if (end < heap->end) {
		if (unshare_ends(mm, end, heap->end) < 0)
			return mm->brk;
		unmap_range(mm, end, heap->end);
	}
	heap->end = end > min_end ? end : min_end;
	mm->brk = addr;
	return addr;
}
