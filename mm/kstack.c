/*
 * Kernel stacks.  Each process-table slot owns a fixed range of kernel
 * virtual memory: KSTACK_PAGES mapped pages above as many left unmapped,
 * so that a kernel stack overflow faults (a double fault, reported on its
 * own IST stack) instead of silently overwriting a neighbour.
 *
 *   KSTACK_BASE + slot * KSTACK_STRIDE:  [guard x4][stack][stack][stack][stack]
 *
 * The stride, twice the stack, divides a PTE table's 2 MiB span, so one
 * stack's PTEs lie in one table and one walk finds them all (fork makes a
 * stack each time).  The region's page tables are all made at boot: the
 * upper half that every address space copies from kernel_pgd then already
 * points at them, and running processes never changes how many frames the
 * kernel holds.
 */
#include "mm/layout.h"
#include "mm/kstack.h"
#include "mm/frame.h"
#include "mm/tlb.h"
#include "mm/kmap.h"
#include "arch/cpu.h"
#include "arch/x86.h"
#include "kernel/panic.h"
#include "kernel/proc.h"

#define KSTACK_BASE     0xffffff0000000000UL    /* pgd entry 510 */
#define KSTACK_STRIDE   (2 * KSTACK_SIZE)
_Static_assert(PMD_SIZE % KSTACK_STRIDE == 0, "a stack must not cross a PTE table");

static uint64_t tables;
static const struct pt_alloc kstack_tables = { PTE_W, &tables };

static uint64_t stack_base(int slot)
{
	return KSTACK_BASE + (uint64_t)slot * KSTACK_STRIDE + KSTACK_STRIDE - KSTACK_SIZE;
}

/* The PTEs of the slot's stack, KSTACK_PAGES in a row. */
static pte_t *stack_ptes(int slot)
{
	return pt_walk(kernel_pgd, stack_base(slot), PT_PTE, NULL);
}

void kstack_init(void)
{
	for (int slot = 0; slot < NPROC; slot++)
		for (int i = 0; i < KSTACK_PAGES; i++)
			if (!pt_walk(kernel_pgd, stack_base(slot) + i * PAGE_SIZE, PT_PTE,
				     &kstack_tables))
				panic("out of memory for the kernel stack region");
}

uint64_t kstack_alloc(int slot)
{
	pte_t *pte = stack_ptes(slot);

	for (int i = 0; i < KSTACK_PAGES; i++) {
		struct page *pg = page_alloc();

		if (!pg) {
			kstack_free(slot);
			return 0;
		}
		pte[i] = page_pa(pg) | PTE_P | PTE_W | (cpu_has.nx ? PTE_NX : 0);
	}
	return stack_base(slot) + KSTACK_SIZE;
}

/* Unmaps whatever pages of the slot's stack are mapped. */
void kstack_free(int slot)
{
	uint64_t base = stack_base(slot);
	pte_t *pte = stack_ptes(slot);
	int unmapped = 0;

	for (int i = 0; i < KSTACK_PAGES; i++) {
		if (pte[i] & PTE_P) {
			page_put(pa_page(pte_pa(pte[i])));
			pte[i] = 0;
			invlpg(base + i * PAGE_SIZE);
			unmapped = 1;
		}
	}
	if (unmapped)           /* a CPU that ran on it may still cache it */
		tlb_shootdown_kernel();
}
