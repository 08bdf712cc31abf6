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
 *
 * A freed stack stays mapped, its slot marked in `kept`:
 *
 *   slot:   0   1   2   3   4  ...
 *   kept:   .   K   .   K   .        K = unused slot, stack still mapped
 *
 * Any CPU that ran on a stack may still cache its translations, so taking
 * the pages back needs a TLB round to every CPU.  A kept slot's stack
 * serves the next process of that slot as it is (the translations every
 * CPU may cache are still right), and once more than KSTACK_KEEP slots are
 * kept, kstack_trim() unmaps them all in one round, then frees the pages:
 * one round per KSTACK_KEEP + 1 ended processes instead of one per exit
 * (and one wherever free memory is counted, or runs out: kstack_trim's
 * callers).
 * Invariant (kstack_check): a slot is kept only while no process has it,
 * its stack is mapped exactly while a process has it or it is kept, and
 * `nkept` counts the kept slots.
 */
#include "mm/layout.h"
#include "mm/kstack.h"
#include "mm/frame.h"
#include "mm/tlb.h"
#include "mm/kmap.h"
#include "arch/cpu.h"
#include "arch/x86.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/proc.h"

#define KSTACK_BASE     0xffffff0000000000UL    /* pgd entry 510 */
#define KSTACK_STRIDE   (2 * KSTACK_SIZE)
_Static_assert(PMD_SIZE % KSTACK_STRIDE == 0, "a stack must not cross a PTE table");

static uint64_t tables;
static const struct pt_alloc kstack_tables = { PTE_W, &tables };
static uint8_t kept[NPROC];
static int nkept;

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

/* Clears the slot's PTEs and flushes them here; returns the pages that
 * were mapped, for the caller to free once no CPU can use them. */
static int unmap(int slot, struct page **pages)
{
	uint64_t base = stack_base(slot);
	pte_t *pte = stack_ptes(slot);
	int n = 0;

	for (int i = 0; i < KSTACK_PAGES; i++) {
		if (pte[i] & PTE_P) {
			pages[n++] = pa_page(pte_pa(pte[i]));
			pte[i] = 0;
			invlpg(base + i * PAGE_SIZE);
		}
	}
	return n;
}

static int map(int slot)
{
	pte_t *pte = stack_ptes(slot);

	for (int i = 0; i < KSTACK_PAGES; i++) {
		struct page *pg = page_alloc();

		if (!pg)
			return -1;
		pte[i] = page_pa(pg) | PTE_P | PTE_W | (cpu_has.nx ? PTE_NX : 0);
	}
	return 0;
}

/* Maps the slot's stack; when the frames run out, gives back the partial
 * stack and every kept one, and fails. */
static int map_or_trim(int slot)
{
	if (map(slot) == 0)
		return 0;
	kept[slot] = 1;
	nkept++;
	kstack_trim();
	return -1;
}

/* A slot's stack, kept or freshly mapped, serves a new process.  A second
 * try uses the frames the first one's failure gave back. */
uint64_t kstack_alloc(int slot)
{
	if (kept[slot]) {
		kept[slot] = 0;
		nkept--;
	} else if (map_or_trim(slot) < 0 && map_or_trim(slot) < 0) {
		return 0;
	}
	return stack_base(slot) + KSTACK_SIZE;
}

void kstack_free(int slot)
{
	kept[slot] = 1;
	if (++nkept > KSTACK_KEEP)
		kstack_trim();
}

void kstack_trim(void)
{
	static struct page *pages[(KSTACK_KEEP + 1) * KSTACK_PAGES];
	int n = 0;

	if (!nkept)
		return;
	for (int slot = 0; slot < NPROC; slot++) {
		if (kept[slot]) {
			n += unmap(slot, pages + n);
			kept[slot] = 0;
		}
	}
	nkept = 0;
	tlb_shootdown_kernel();
	for (int i = 0; i < n; i++)
		page_put(pages[i]);
}

uint64_t frames_free_trimmed(void)
{
	kstack_trim();
	return frames_free();
}

/* Each slot's stack is wholly mapped while a process has the slot or it
 * is kept, and wholly unmapped otherwise; nkept counts the kept slots. */
int kstack_check(void)
{
	int n = 0, errors = 0;

	for (int slot = 0; slot < NPROC; slot++) {
		pte_t *pte = stack_ptes(slot);
		int want = kept[slot] || proc_at(slot);

		n += kept[slot];
		if (kept[slot] && proc_at(slot))
			errors++;
		for (int i = 0; i < KSTACK_PAGES; i++)
			errors += !(pte[i] & PTE_P) != !want;
	}
	if (n != nkept || errors)
		kprintf("mm_check: kernel stacks: %d kept, nkept %d, %d wrong slots or pages\n",
			n, nkept, errors);
	return n != nkept || errors ? -1 : 0;
}
