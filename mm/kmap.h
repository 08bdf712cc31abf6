#ifndef MM_KMAP_H
#define MM_KMAP_H

#include "mm/pgtable.h"

struct bootinfo;

extern pte_t *kernel_pgd;

/* Build the kernel's page tables and switch to them. */
void kmap_init(const struct bootinfo *bi);

#endif
