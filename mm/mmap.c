/*
 * mmap, munmap, mprotect and brk.  Each works on whole pages, splits VMAs
 * where a range starts or ends inside one, and then fixes the PTEs.  A
 * file mapping's VMA holds its file; its pages come at the first touch
 * (mm/filemap.c).
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
#include "kernel/vfs.h"

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

long mm_munmap(struct mm *mm, uint64_t addr, uint64_t len)
{
	uint64_t end;
	struct vma *v, *next;

	if (!range_ok(addr, PAGE_ROUND_UP(len)))
		return -EINVAL;
	end = addr + PAGE_ROUND_UP(len);
	if (unshare_ends(mm, addr, end) < 0 || split_at(mm, addr, end) < 0)
		return -ENOMEM;
	unmap_range(mm, addr, end);
	for (v = mm->vmas; v; v = next) {
		next = v->next;
		if (v->start >= addr && v->end <= end)
			vma_remove(mm, v);
	}
	return 0;
}

int mm_drop_pages(struct mm *mm, uint64_t start, uint64_t end)
{
	if (unshare_ends(mm, start, end) < 0)
		return -ENOMEM;
	unmap_range(mm, start, end);
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
		vma_free(v);
		return -ENOMEM;
	}
	if (vma_add(mm, v) < 0)
		return -ENOMEM;
	if (v->kind == VMA_SHARED && !v->file && populate(mm, v) < 0)
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

/* Checks what every mmap checks and finds the range: its start, or an
 * error.  *len comes back rounded up to whole pages. */
static long mmap_range(struct mm *mm, uint64_t addr, uint64_t *len, int prot, int flags)
{
	int type = flags & MAP_TYPE;

	if (!*len || (type != MAP_SHARED && type != MAP_PRIVATE) || (prot & ~PROT_ALL))
		return -EINVAL;
	if (*len > USER_TOP)                    /* also: rounding up would wrap */
		return -ENOMEM;
	*len = PAGE_ROUND_UP(*len);
	if (accounted(prot, flags) && *len / PAGE_SIZE > frames_total())
		return -ENOMEM;                 /* could never be had */
	if (flags & MAP_FIXED) {
		if ((addr & ~PAGE_MASK) || addr < PAGE_SIZE)
			return -EINVAL;
		if (!range_ok(addr, *len))
			return -ENOMEM;                 /* past USER_TOP, as Linux */
		return addr;
	}
	addr = range_find(mm, *len, PAGE_ROUND_DOWN(addr));
	return addr ? (long)addr : -ENOMEM;
}

long mm_mmap(struct mm *mm, uint64_t addr, uint64_t len, int prot, int flags)
{
	enum vma_kind kind = (flags & MAP_TYPE) == MAP_SHARED ? VMA_SHARED : VMA_ANON;
	long start = mmap_range(mm, addr, &len, prot, flags);

	if (start < 0)
		return start;
	return map(mm, vma_new(start, start + len, prot, kind), flags);
}

/* A shared mapping of a file without frames (the root image) cannot be
 * written (maxprot says so), so a private one serves for it. */
long mm_mmap_file(struct mm *mm, uint64_t addr, uint64_t len, int prot, int flags,
		  struct inode *file, uint64_t pgoff, int maxprot)
{
	int shared = (flags & MAP_TYPE) == MAP_SHARED && file->ops->cache_page;
	long start = mmap_range(mm, addr, &len, prot, flags);
	struct vma *v;

	if (start < 0)
		return start;
	if (pgoff + len / PAGE_SIZE < pgoff)
		return -EOVERFLOW;
	v = vma_new(start, start + len, prot, shared ? VMA_SHARED : VMA_FILE);
	if (v) {
		v->file = file;
		inode_get(file);
		v->pgoff = pgoff;
		v->maxprot = maxprot;
	}
	return map(mm, v, flags);
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
		if (prot & ~v->maxprot)
			return -EACCES;         /* a shared file opened read-only */
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
