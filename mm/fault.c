/*
 * Page faults on user addresses, from user mode or from the kernel copying
 * to or from user memory (mm/uaccess.c).  Every fault is classified in one
 * place, fault_classify(), and then resolved:
 *
 *   kind            when                                   action
 *   FAULT_BAD       no VMA, or the VMA forbids the access  SIGSEGV / -EFAULT
 *   FAULT_ZERO      no page yet (anonymous, brk, stack)    map a zeroed page
 *   FAULT_FILE      no page yet in a file mapping          map the file's page
 *                                                          (mm/filemap.c), or
 *                                                          SIGBUS past its end
 *   FAULT_COW       write to a private page that the pmd   copy it, or reuse
 *                   or the PTE makes read-only             it if ref == 1
 *   FAULT_SPURIOUS  the entries already allow the access   nothing (stale TLB)
 *
 * Both actions change a PTE, so both first make sure the PTE table, and
 * every table above it, is this process's alone: under on-demand fork a
 * table may be shared, and pte_for_change() breaks the sharing from the
 * top down (mm/hodf.c, mm/odf.c).  A read of a present
 * page never faults, so reads never break sharing.
 *
 * A fault just below the stack VMA grows the stack, down to STACK_MAX and
 * never closer than STACK_GUARD_GAP to the VMA below.
 */
#include <string.h>
#include "mm/mm.h"
#include "mm/frame.h"
#include "arch/trap.h"
#include "kernel/errno.h"
#include "mm/trace.h"
#include "arch/x86.h"

enum fault_kind { FAULT_BAD, FAULT_ZERO, FAULT_FILE, FAULT_COW, FAULT_SPURIOUS };

/* The VMA for addr, growing the stack down to it if that is allowed. */
struct vma *vma_find_or_grow(struct mm *mm, uint64_t addr)
{
	struct vma *v = vma_find(mm, addr), *stack, *below;

	if (v)
		return v;
	for (stack = mm->vmas; stack && stack->kind != VMA_STACK; stack = stack->next)
		;
	if (!stack || addr >= stack->start || addr < stack->end - STACK_MAX)
		return NULL;
	below = vma_prev(mm, stack);
	if (below && addr < below->end + STACK_GUARD_GAP)
		return NULL;
	stack->start = PAGE_ROUND_DOWN(addr);
	return stack;
}

static int access_allowed(const struct vma *v, uint64_t err)
{
	if (err & PF_WRITE)
		return v->prot & PROT_WRITE;
	if (err & PF_INSTR)
		return v->prot & PROT_EXEC;
	return v->prot & (PROT_READ | PROT_EXEC);
}

/* pte is the PTE with the upper levels' R/W bits folded in: what the MMU
 * saw. */
static enum fault_kind fault_classify(struct vma *v, pte_t pte, uint64_t err)
{
	if (!v || !access_allowed(v, err))
		return FAULT_BAD;
	if (!(pte & PTE_P) && v->file)
		return FAULT_FILE;
	if (!(pte & PTE_P))
		return v->kind == VMA_SHARED ? FAULT_BAD : FAULT_ZERO;
	if ((err & PF_WRITE) && !(pte & PTE_W))
		return v->kind == VMA_SHARED ? FAULT_BAD : FAULT_COW;
	return FAULT_SPURIOUS;
}

/* A write to a private page that may have other users. */
static int do_cow(struct mm *mm, struct vma *v, uint64_t va, unsigned *actions)
{
	/* LAB2: BEGIN do_cow */
	pte_t *pte = pte_for_change(mm, va, actions);
	struct page *old, *copy;

	if (!pte)
		return -ENOMEM;
	old = pa_page(pte_pa(*pte));
	if (page_ref_acquire(old) == 1) {
		*pte |= PTE_W;                  /* the others are gone, their copies done: reuse it */
		flush_page(mm, va);
		*actions |= FA_PAGE_REUSE;
		return 0;
	}
	copy = user_page_alloc();
	if (!copy)
		return -ENOMEM;
	memcpy(page_va(copy), page_va(old), PAGE_SIZE);
	*pte = page_pa(copy) | vma_pte_flags(v);
	user_page_put(old);
	flush_page(mm, va);
	*actions |= FA_PAGE_COPY;
	return 0;
	/* LAB2: END do_cow */
}

static int do_zero(struct mm *mm, struct vma *v, uint64_t va, unsigned *actions)
{
	pte_t *pte = pte_for_change(mm, va, actions);

	if (!pte || map_new_page(mm, v, va, pte) < 0)
		return -ENOMEM;
	*actions |= FA_ZERO_FILL;
	return 0;
}

/* What the MMU saw at va: the PTE, writable only if the entries of every
 * level above it are too (a shared table at any level is read-only). */
static pte_t effective_pte(struct mm *mm, uint64_t va)
{
	pte_t *table = mm->pgd, e = 0, writable = PTE_W;

	for (int level = PT_PGD; level >= PT_PTE; level--) {
		e = table[pt_index(va, level)];
		if (!(e & PTE_P) || (level > PT_PTE && (e & PTE_PS)))
			return 0;
		writable &= e;
		table = pte_table(e);
	}
	return (e & ~PTE_W) | writable;
}

static int resolve(struct mm *mm, uint64_t addr, uint64_t err, unsigned *actions)
{
	struct vma *v = addr < USER_TOP ? vma_find_or_grow(mm, addr) : NULL;
	uint64_t va = PAGE_ROUND_DOWN(addr);
	int r;

	switch (fault_classify(v, v ? effective_pte(mm, va) : 0, err)) {
	case FAULT_ZERO:
		return do_zero(mm, v, va, actions);
	case FAULT_FILE:
		r = filemap_fault(mm, v, va, actions);
		if (r == -ENXIO)
			*actions |= FA_SIGNAL;
		return r;
	case FAULT_COW:
		return do_cow(mm, v, va, actions);
	case FAULT_SPURIOUS:
		flush_page(mm, va);
		return 0;
	default:
		*actions |= FA_SIGNAL;
		return -EFAULT;
	}
}

/* Resolves a fault at addr with page-fault error code err, and records it
 * in the fault trace.  Returns 0, or -EFAULT for an access the process may
 * not make, -ENXIO for a page past the end of its file, or -ENOMEM. */
int handle_fault(struct mm *mm, uint64_t addr, uint64_t err)
{
	uint64_t start = rdtsc();
	unsigned actions = 0;
	int r = resolve(mm, addr, err, &actions);

	if (r == -ENOMEM)
		actions |= FA_NOMEM;
	fault_trace_record(addr, err, actions, rdtsc() - start);
	return r;
}
