/*
 * Address spaces: creating and freeing them, mapping and unmapping user
 * pages, and keeping the TLB in step.  The rules these functions keep are
 * written in mm/mm.h.
 */
#include <string.h>
#include "mm/mm.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/kmap.h"
#include "arch/x86.h"
#include "arch/cpu.h"
#include "kernel/errno.h"

#define KERNEL_HALF     (PT_ENTRIES / 2)        /* pgd entries of the kernel */

uint64_t nr_user_pages, nr_user_pgtables;

struct page *user_page_alloc(void)
{
	struct page *pg = page_alloc_zeroed();

	if (pg) {
		pg->flags |= PG_USER;
		nr_user_pages++;
	}
	return pg;
}

void user_page_put(struct page *pg)
{
	if (pg->ref == 1) {
		pg->flags &= ~PG_USER;
		nr_user_pages--;
	}
	page_put(pg);
}

static struct page *pgtable_alloc(struct mm *mm)
{
	struct page *pg = page_alloc_zeroed();

	if (pg) {
		mm->pt_pages++;
		nr_user_pgtables++;
	}
	return pg;
}

struct mm *mm_new(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));
	struct page *pg;

	if (!mm)
		return NULL;
	pg = pgtable_alloc(mm);
	if (!pg) {
		kfree(mm);
		return NULL;
	}
	mm->pgd = page_va(pg);
	memcpy(mm->pgd + KERNEL_HALF, kernel_pgd + KERNEL_HALF, KERNEL_HALF * sizeof(pte_t));
	return mm;
}

/* The entry for va at `level`, allocating tables on the way if alloc. */
pte_t *mm_walk(struct mm *mm, uint64_t va, int level, int alloc)
{
	uint64_t before = mm->pt_pages;
	struct pt_alloc a = { PTE_W | PTE_U, &mm->pt_pages };
	pte_t *e = pt_walk(mm->pgd, va, level, alloc ? &a : NULL);

	nr_user_pgtables += mm->pt_pages - before;
	return e;
}

/* The PTE bits a page of v gets when it may be written (if v allows). */
pte_t vma_pte_flags(const struct vma *v)
{
	pte_t f = PTE_P;

	if (v->prot & (PROT_READ | PROT_WRITE | PROT_EXEC))
		f |= PTE_U;                     /* PROT_NONE: user may not touch it */
	if (v->prot & PROT_WRITE)
		f |= PTE_W;
	if (!(v->prot & PROT_EXEC) && cpu_has.nx)
		f |= PTE_NX;
	return f;
}

/* Puts a fresh zeroed page at va (whose PTE is `pte`); 0 or -ENOMEM. */
int map_new_page(struct mm *mm, struct vma *v, uint64_t va, pte_t *pte)
{
	struct page *pg = user_page_alloc();

	if (!pg)
		return -ENOMEM;
	*pte = page_pa(pg) | vma_pte_flags(v);
	mm->rss++;
	flush_page(mm, va);
	return 0;
}

static int is_current(struct mm *mm)
{
	return read_cr3() == V2P(mm->pgd);
}

void flush_page(struct mm *mm, uint64_t va)
{
	if (is_current(mm))
		invlpg(va);
}

void flush_all(struct mm *mm)
{
	if (is_current(mm))
		write_cr3(read_cr3());
}

void mm_activate(struct mm *mm)
{
	if (!is_current(mm))
		write_cr3(V2P(mm->pgd));
}

static void unmap_pte(struct mm *mm, pte_t *pte)
{
	if (!(*pte & PTE_P))
		return;
	user_page_put(pa_page(pte_pa(*pte)));
	*pte = 0;
	mm->rss--;
}

/* Removes the pages of [start, end), one PTE table at a time. */
void unmap_range(struct mm *mm, uint64_t start, uint64_t end)
{
	for (uint64_t va = start; va < end; ) {
		uint64_t next = (va + HUGE_SIZE) & ~(HUGE_SIZE - 1);
		pte_t *pmd = mm_walk(mm, va, PT_PMD, 0);

		if (next > end)
			next = end;
		if (pmd && (*pmd & PTE_P)) {
			pte_t *table = pte_table(*pmd);

			for (uint64_t a = va; a < next; a += PAGE_SIZE)
				unmap_pte(mm, &table[pt_index(a, PT_PTE)]);
		}
		va = next;
	}
	flush_all(mm);
}

/* Gives every page of v the protection v now has.  A private page that
 * someone else maps too stays read-only: it is copy-on-write. */
void protect_range(struct mm *mm, struct vma *v)
{
	pte_t want = vma_pte_flags(v);

	for (uint64_t va = v->start; va < v->end; va += PAGE_SIZE) {
		pte_t *pte = mm_walk(mm, va, PT_PTE, 0);
		pte_t flags = want;

		if (!pte || !(*pte & PTE_P))
			continue;
		if (v->kind != VMA_SHARED && pa_page(pte_pa(*pte))->ref > 1)
			flags &= ~PTE_W;
		*pte = pte_pa(*pte) | flags;
	}
	flush_all(mm);
}

static void free_tables(pte_t *table, int level, struct mm *mm)
{
	int n = level == PT_PGD ? KERNEL_HALF : PT_ENTRIES;

	for (int i = 0; level > PT_PTE && i < n; i++)
		if (table[i] & PTE_P)
			free_tables(pte_table(table[i]), level - 1, mm);
	page_put(pa_page(V2P(table)));
	mm->pt_pages--;
	nr_user_pgtables--;
}

void mm_free(struct mm *mm)
{
	while (mm->vmas) {
		unmap_range(mm, mm->vmas->start, mm->vmas->end);
		vma_remove(mm, mm->vmas);
	}
	free_tables(mm->pgd, PT_PGD, mm);
	kfree(mm);
}

/* May the process read (or write) all of [addr, addr + len)? */
int user_access_ok(struct mm *mm, uint64_t addr, uint64_t len, int write)
{
	uint64_t end = addr + len;

	while (addr < end) {
		struct vma *v = vma_find_or_grow(mm, addr);

		if (!v || !(v->prot & (write ? PROT_WRITE : PROT_READ)))
			return 0;
		addr = v->end;
	}
	return 1;
}
