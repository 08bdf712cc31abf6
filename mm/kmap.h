#ifndef MM_KMAP_H
#define MM_KMAP_H

#include <stddef.h>
#include "mm/pgtable.h"

struct bootinfo;
struct page;

extern pte_t *kernel_pgd;

/* Build the kernel's page tables and switch to them. */
void kmap_init(const struct bootinfo *bi);

/*
 * The window: KMAP_WINDOW_PAGES pages of kernel addresses where frames
 * scattered in RAM can be seen side by side (exec reads a memfd there).
 * kmap_window maps pg[0..n) read-only there, in order, and returns its
 * start; kunmap_window(n) takes them away.  One user at a time, which the
 * kernel's lack of preemption gives.
 */
/* Does the direct map reach [pa, pa + len)?  Firmware tables are read
 * there (arch/acpi.c), so those it does not reach are refused. */
int kmap_direct_reaches(uint64_t pa, uint64_t len);
/* The direct map's view of a device's registers at pa, made uncached
 * (its 2 MiB page: the local APIC and IOAPIC share none with RAM). */
volatile void *kmap_mmio(uint64_t pa);

#define KMAP_WINDOW_PAGES 256
void *kmap_window(struct page *const *pg, size_t n);
void kunmap_window(size_t n);

#endif
