/*
 * The kernel's own page tables, which replace the boot ones:
 *
 *   DMAP_BASE + [0, top of RAM)   2 MiB pages, read/write, no execute
 *   KERNEL_VMA + image            4 KiB pages: text read-only and executable,
 *                                 rodata read-only, data and bss writable;
 *                                 only text is executable
 *   KMAP_WINDOW                   KMAP_WINDOW_PAGES pages, read-only, no
 *                                 execute: frames mapped side by side for a
 *                                 while (kmap_window); its PTE table is
 *                                 made at boot, so using it takes no frame
 *
 * A device's registers in the direct map's reach are made uncached there
 * (kmap_mmio).  Nothing maps the low half, so a kernel NULL dereference faults.  All
 * entries are global: the upper half is the same in every address space,
 * which copies the pgd's upper 256 entries (they point at shared tables).
 */
#include "mm/kmap.h"
#include "mm/frame.h"
#include "kernel/bootinfo.h"
#include "kernel/panic.h"
#include "arch/x86.h"
#include "arch/cpu.h"

pte_t *kernel_pgd;
static pte_t *window;                   /* the window's PTEs, in one table */
static uint64_t kernel_tables;
static uint64_t direct_top;             /* what the direct map reaches */
static const struct pt_alloc kernel_alloc = { PTE_W, &kernel_tables };

static pte_t kernel_bits(void)
{
	return PTE_P | (cpu_has.pge ? PTE_G : 0);
}

static pte_t nx_bit(void)
{
	return cpu_has.nx ? PTE_NX : 0;
}

static pte_t *walk_or_panic(uint64_t va, int level)
{
	pte_t *e = pt_walk(kernel_pgd, va, level, &kernel_alloc);

	if (!e)
		panic("out of memory building the kernel page tables");
	return e;
}

static void map_direct(uint64_t top)
{
	for (uint64_t pa = 0; pa < top; pa += PMD_SIZE)
		*walk_or_panic(DMAP_BASE + pa, PT_PMD) =
			pa | kernel_bits() | PTE_W | PTE_PS | nx_bit();
}

static void map_image(char *start, char *end, pte_t flags)
{
	for (char *va = start; va < end; va += PAGE_SIZE)
		*walk_or_panic((uint64_t)va, PT_PTE) = KIMG2P(va) | kernel_bits() | flags;
}

void kmap_init(const struct bootinfo *bi)
{
	uint64_t top = bi->ram[bi->nram - 1].end;
	struct page *pg = page_alloc_zeroed();

	if (!pg)
		panic("out of memory building the kernel page tables");
	kernel_pgd = page_va(pg);
	direct_top = top > BOOT_MAPPED ? top : BOOT_MAPPED;
	map_direct(direct_top);
	map_image(__text_start, __text_end, 0);
	map_image(__rodata_start, __rodata_end, nx_bit());
	map_image(__data_start, __data_end, PTE_W | nx_bit());
	window = walk_or_panic(KMAP_WINDOW, PT_PTE);
	write_cr3(V2P(kernel_pgd));
}

int kmap_direct_reaches(uint64_t pa, uint64_t len)
{
	return pa < direct_top && len <= direct_top - pa;
}

volatile void *kmap_mmio(uint64_t pa)
{
	pte_t *pmd;

	if (!kmap_direct_reaches(pa, PAGE_SIZE))
		panic("device registers at %#lx, past the direct map", pa);
	pmd = walk_or_panic(DMAP_BASE + pa, PT_PMD);
	*pmd |= PTE_PCD | PTE_PWT;
	invlpg(DMAP_BASE + PAGE_ROUND_DOWN(pa));
	return P2V(pa);
}

void *kmap_window(struct page *const *pg, size_t n)
{
	ASSERT(n <= KMAP_WINDOW_PAGES);
	for (size_t i = 0; i < n; i++) {
		window[i] = page_pa(pg[i]) | kernel_bits() | nx_bit();
		invlpg(KMAP_WINDOW + i * PAGE_SIZE);    /* we may cache what another CPU mapped */
	}
	return (void *)KMAP_WINDOW;
}

void kunmap_window(size_t n)
{
	for (size_t i = 0; i < n; i++) {
		window[i] = 0;
		invlpg(KMAP_WINDOW + i * PAGE_SIZE);
	}
}
