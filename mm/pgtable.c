/* The one page-table walk (mm/pgtable.h) that every mapping path uses. */
#include "mm/pgtable.h"
#include "mm/frame.h"

pte_t *pt_walk(pte_t *pgd, uint64_t va, int level, const struct pt_alloc *alloc)
{
	pte_t *table = pgd;

	for (int l = PT_PGD; l > level; l--) {
		pte_t *e = &table[pt_index(va, l)];

		if (!(*e & PTE_P)) {
			struct page *pg = alloc ? page_alloc_zeroed() : NULL;

			if (!pg)
				return NULL;
			*e = page_pa(pg) | alloc->flags | PTE_P;
			(*alloc->count)++;
		}
		if (*e & PTE_PS)
			return NULL;                    /* a huge page, no table below */
		table = pte_table(*e);
	}
	return &table[pt_index(va, level)];
}
