/*
 * The kernel's virtual memory layout.  Every address space shares the upper
 * half; the lower half belongs to the process.
 *
 *   0x0000000000000000 .. 0x00007ffffffff000   user space (pgd entries 0..255)
 *   0xffff800000000000 .. + all RAM            direct map: phys p at DMAP_BASE+p
 *   0xffffffff80000000 .. + image              kernel image (pgd 511, pud 510)
 *
 * The direct map lets the kernel reach any frame (a page table, a user page
 * being copied) by its physical address, without mapping it first.
 *
 * User space ends a page below the canonical limit 2^47, as on Linux: a
 * syscall in the last bytes of that page would leave a non-canonical return
 * address in rcx (0x800000000000), which sysret cannot take.  So nothing
 * can be mapped there (mmap gives ENOMEM), and arch/entry.c checks anyway.
 */
#ifndef MM_LAYOUT_H
#define MM_LAYOUT_H

#include <stdint.h>

#define PAGE_SHIFT      12
#define PAGE_SIZE       (1UL << PAGE_SHIFT)
#define PAGE_MASK       (~(PAGE_SIZE - 1))
#define HUGE_SHIFT      21                      /* a pmd entry covers 2 MiB */
#define HUGE_SIZE       (1UL << HUGE_SHIFT)
#define PMD_TABLE_SPAN  (1UL << 30)             /* a pmd table covers 1 GiB */

#define KERNEL_VMA      0xffffffff80000000UL    /* boot/entry.asm, linker.ld */
#define DMAP_BASE       0xffff800000000000UL    /* boot/entry.asm */
#define BOOT_MAPPED     (4UL << 30)             /* direct map before kmap_init */
#define USER_TOP        0x00007ffffffff000UL    /* 2^47 - PAGE_SIZE */

#define P2V(pa)         ((void *)((uint64_t)(pa) + DMAP_BASE))
#define V2P(va)         ((uint64_t)(va) - DMAP_BASE)
#define KIMG2P(va)      ((uint64_t)(va) - KERNEL_VMA)

#define PAGE_ROUND_UP(x)   (((uint64_t)(x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ROUND_DOWN(x) ((uint64_t)(x) & PAGE_MASK)

/* Section boundaries from linker.ld. */
extern char __image_phys_start[], __image_phys_end[];
extern char __text_start[], __text_end[];
extern char __rodata_start[], __rodata_end[];
extern char __data_start[], __data_end[];

#endif
