/*
 * x86-64 four-level page tables, with Linux's names for the levels:
 *
 *   level   Linux   Intel   bits of the address   one entry maps
 *   4       pgd     PML4    47..39                512 GiB
 *   3       pud     PDPT    38..30                1 GiB
 *   2       pmd     PD      29..21                2 MiB  (a "PTE table")
 *   1       pte     PT      20..12                4 KiB  (a page)
 *
 * Every table is one 4 KiB frame of 512 entries.  An entry holds the
 * physical address of the next table (or of the page) and flags.  The R/W
 * and U/S bits of all four levels combine: a page is writable only if every
 * entry on its path says so, which is what lets one read-only pmd entry
 * protect a whole PTE table.
 */
#ifndef MM_PGTABLE_H
#define MM_PGTABLE_H

#include <stdint.h>
#include "mm/layout.h"

typedef uint64_t pte_t;                 /* an entry, at any level */

#define PT_ENTRIES      512
#define PT_LEVEL_BITS   9               /* address bits each level decodes */
#define USER_PTRS_PER_PGD (PT_ENTRIES / 2) /* pgd entries 0..255: user space */
#define PTE_P           (1UL << 0)      /* present */
#define PTE_W           (1UL << 1)      /* writable */
#define PTE_U           (1UL << 2)      /* user may access */
#define PTE_PWT         (1UL << 3)      /* write-through: device registers only */
#define PTE_PCD         (1UL << 4)      /* caching disabled: device registers only */
#define PTE_A           (1UL << 5)      /* accessed */
#define PTE_D           (1UL << 6)      /* dirty */
#define PTE_PS          (1UL << 7)      /* pud/pmd: maps a 1 GiB / 2 MiB page */
#define PTE_G           (1UL << 8)      /* global: kept in the TLB across CR3 loads */
#define PTE_NX          (1UL << 63)     /* no execute */
#define PTE_ADDR        0x000ffffffffff000UL

enum pt_level { PT_PTE = 1, PT_PMD = 2, PT_PUD = 3, PT_PGD = 4 };

/* What one entry of a table of `level` maps: PAGE_SIZE for a PTE, PMD_SIZE
 * for a pmd entry, PUD_SIZE for a pud entry. */
static inline uint64_t pt_span(int level)
{
	return PAGE_SIZE << (PT_LEVEL_BITS * (level - 1));
}

static inline int pt_index(uint64_t va, int level)
{
	return (va >> (PAGE_SHIFT + PT_LEVEL_BITS * (level - 1))) & (PT_ENTRIES - 1);
}

/* Clears R/W in *e and returns the entry.  One atomic and: in a shared
 * table another CPU's break may clear the same bit at once, and the MMU
 * sets A (accessed) in entries as it walks them; a plain read-modify-write
 * could undo either. */
static inline pte_t pte_wrprotect(pte_t *e)
{
	__atomic_fetch_and(e, ~PTE_W, __ATOMIC_RELAXED);
	return __atomic_load_n(e, __ATOMIC_RELAXED);
}

static inline uint64_t pte_pa(pte_t e) { return e & PTE_ADDR; }
static inline pte_t *pte_table(pte_t e) { return P2V(pte_pa(e)); }

/*
 * The entry for `va` at `level` under `pgd`.  Missing tables on the way are
 * allocated when `alloc` is given (zeroed, their entries made with
 * alloc->flags, each counted in *alloc->count); otherwise, or when no frame
 * is left, returns NULL.
 */
struct pt_alloc {
	pte_t flags;
	uint64_t *count;
};

pte_t *pt_walk(pte_t *pgd, uint64_t va, int level, const struct pt_alloc *alloc);

#endif
