/*
 * madvise and msync: calls that tell the kernel about a range of memory.
 *
 * Of madvise's advice, MADV_DONTNEED (and MADV_FREE, MADV_DONTNEED_LOCKED:
 * forklab has no lazy freeing and no locked pages) drops the pages of
 * private memory, as munmap would (mm_drop_pages: under odf and hodf the
 * tables at the two ends are broken, those inside dropped whole) while the
 * VMAs stay: anonymous memory reads as zeros again, a private file mapping
 * as the file, a program's segment as zeros (exec filled it, and no file
 * stands behind it; Linux would read the program again).  Shared memory
 * keeps its data, as Linux's shmem does: its pages stay mapped.  Advice
 * that would change what a program sees, and that forklab does not carry
 * out (MADV_REMOVE, MADV_DONTFORK and MADV_DOFORK, MADV_WIPEONFORK and
 * MADV_KEEPONFORK), gives EINVAL, as from a kernel without it, so that a
 * program relying on it (a random number generator wiping its state at
 * fork, say) learns so.  Every other advice Linux knows is a hint that
 * forklab accepts and ignores.
 *
 * msync has nothing to do: a MAP_SHARED mapping's frames are the file's
 * own (mm/filemap.c), so read() sees every write at once.  It checks its
 * arguments as Linux does.
 */
#include "mm/mm.h"
#include "kernel/errno.h"

/* Advice values Linux accepts from any process: MADV_NORMAL to
 * MADV_DONTNEED, then MADV_FREE to MADV_COLLAPSE. */
#define ADVICE_LAST_LOW         MADV_DONTNEED
#define ADVICE_FIRST_HIGH       MADV_FREE
#define ADVICE_LAST_HIGH        MADV_COLLAPSE

static int advice_known(int advice)
{
	return (advice >= 0 && advice <= ADVICE_LAST_LOW) ||
	       (advice >= ADVICE_FIRST_HIGH && advice <= ADVICE_LAST_HIGH);
}

static int advice_refused(int advice)
{
	return advice == MADV_REMOVE || advice == MADV_DONTFORK || advice == MADV_DOFORK ||
	       advice == MADV_WIPEONFORK || advice == MADV_KEEPONFORK;
}

/* The end of [addr, addr + len) rounded up to a page, or 0 if it wraps
 * (a range past user space is one that no VMA covers). */
static uint64_t range_end(uint64_t addr, uint64_t len)
{
	uint64_t end = addr + PAGE_ROUND_UP(len);

	return PAGE_ROUND_UP(len) >= len && end >= addr ? end : 0;
}

/* Is every page of [addr, end) inside a VMA? */
static int range_mapped(struct mm *mm, uint64_t addr, uint64_t end)
{
	for (uint64_t a = addr; a < end; ) {
		struct vma *v = vma_find(mm, a);

		if (!v)
			return 0;
		a = v->end;
	}
	return 1;
}

/* Drops the private pages of [addr, end) one VMA at a time; the mapped
 * parts are done even when there are holes, as Linux does. */
static long drop(struct mm *mm, uint64_t addr, uint64_t end)
{
	for (struct vma *v = mm->vmas; v && v->start < end; v = v->next) {
		uint64_t lo = v->start > addr ? v->start : addr;
		uint64_t hi = v->end < end ? v->end : end;

		if (lo >= hi || v->kind == VMA_SHARED)
			continue;
		if (mm_drop_pages(mm, lo, hi) < 0)
			return -EAGAIN;
	}
	return range_mapped(mm, addr, end) ? 0 : -ENOMEM;
}

long mm_madvise(struct mm *mm, uint64_t addr, uint64_t len, int advice)
{
	uint64_t end = range_end(addr, len);

	if ((addr & ~PAGE_MASK) || !advice_known(advice) || advice_refused(advice) ||
	    (len && !end))
		return -EINVAL;
	if (!len)
		return 0;
	if (advice == MADV_DONTNEED || advice == MADV_FREE || advice == MADV_DONTNEED_LOCKED)
		return drop(mm, addr, end);
	return range_mapped(mm, addr, end) ? 0 : -ENOMEM;
}

long mm_msync(struct mm *mm, uint64_t addr, uint64_t len, int flags)
{
	uint64_t end = range_end(addr, len);

	if ((addr & ~PAGE_MASK) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	if (len && !end)
		return -ENOMEM;
	return !len || range_mapped(mm, addr, end) ? 0 : -ENOMEM;
}
