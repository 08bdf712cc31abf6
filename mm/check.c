/*
 * mm_check(): the rules of mm/mm.h and mm/odf.c, recomputed from scratch.
 *
 * It recounts, by walking every page table of the given address spaces,
 * how many pmd entries point at each PTE table and how many tables map
 * each page (struct page.seen), then compares with what the kernel keeps:
 *
 *   table ref   == pmd entries pointing at it
 *   page ref    == distinct PTE tables mapping it
 *   a table with ref > 1 is reached only through read-only pmd entries
 *   a private page with ref > 1 is writable through no pmd and PTE
 *   a present PTE lies inside one of its address space's VMAs
 *   VMAs are page-aligned, non-empty, in user space, sorted, disjoint
 *   nr_user_pages, nr_user_pgtables, the free list: exact
 *
 * Every violation is printed with the frame it concerns.  It costs a walk
 * of every table, so it runs in tests (after each test, and at every exit
 * with mm_check=1 on the command line), never on a fast path.
 */
#include "mm/mm.h"
#include "mm/frame.h"
#include "kernel/printk.h"

struct check {
	uint64_t tables, user_pages;
	int errors;
};

static void report(struct check *c, const char *what, uint64_t pfn, uint64_t want, uint64_t got)
{
	kprintf("mm_check: pfn %#lx: %s: expected %lu, found %lu\n", pfn, what, want, got);
	c->errors++;
}

static void reset(void)
{
	for (uint64_t i = 0; i < npages; i++) {
		pages[i].seen = 0;
		pages[i].flags &= ~PG_CHECKED;
	}
}

/* Counts upper tables, and the pmd entries pointing at each PTE table. */
static void count_tables(struct check *c, pte_t *table, int level)
{
	int n = level == PT_PGD ? USER_PTRS_PER_PGD : PT_ENTRIES;

	c->tables++;
	pa_page(V2P(table))->seen++;
	for (int i = 0; i < n; i++) {
		if (!(table[i] & PTE_P))
			continue;
		if (level == PT_PMD)
			pa_page(pte_pa(table[i]))->seen++;
		else
			count_tables(c, pte_table(table[i]), level - 1);
	}
}

/* Counts, once per PTE table, the references its entries hold on pages. */
static void count_pages(struct check *c, struct page *table)
{
	pte_t *e = page_va(table);

	if (table->flags & PG_CHECKED)
		return;
	table->flags |= PG_CHECKED;
	c->tables++;
	if (table->seen != table->ref)
		report(c, "PTE table's ref vs pmd entries pointing at it",
		       page_pfn(table), table->seen, table->ref);
	for (int i = 0; i < PT_ENTRIES; i++)
		if (e[i] & PTE_P)
			pa_page(pte_pa(e[i]))->seen++;
}

/* Checks one pmd entry's table against mm's VMAs and the writable rule. */
static void check_table(struct check *c, struct mm *mm, pte_t pmd, uint64_t base)
{
	struct page *table = pa_page(pte_pa(pmd));
	pte_t *e = page_va(table);

	count_pages(c, table);
	if ((pmd & PTE_W) && table->ref > 1)
		report(c, "writable pmd entries to a shared PTE table", page_pfn(table), 0, 1);
	for (int i = 0; i < PT_ENTRIES; i++) {
		uint64_t va = base + i * pt_span(PT_PTE);
		struct vma *v;

		struct page *pg = pa_page(pte_pa(e[i]));

		if (!(e[i] & PTE_P))
			continue;
		v = vma_find(mm, va);
		if (!(pg->flags & PG_USER))
			report(c, "mapped page not marked PG_USER", page_pfn(pg), 1, 0);
		if (!v)
			report(c, "PTE outside every VMA", page_pfn(pg), 0, 1);
		else if ((pmd & e[i] & PTE_W) && v->kind != VMA_SHARED && pg->ref > 1)
			report(c, "writable private page with other references",
			       page_pfn(pg), 1, pg->ref);
	}
}

static void walk_mm(struct check *c, struct mm *mm)
{
	for (int g = 0; g < USER_PTRS_PER_PGD; g++) {
		pte_t *pud;

		if (!(mm->pgd[g] & PTE_P))
			continue;
		pud = pte_table(mm->pgd[g]);
		for (int u = 0; u < PT_ENTRIES; u++) {
			pte_t *pmd;

			if (!(pud[u] & PTE_P))
				continue;
			pmd = pte_table(pud[u]);
			for (int m = 0; m < PT_ENTRIES; m++)
				if (pmd[m] & PTE_P)
					check_table(c, mm, pmd[m], g * pt_span(PT_PGD) +
						    u * pt_span(PT_PUD) + m * pt_span(PT_PMD));
		}
	}
}

static void check_vmas(struct check *c, struct mm *mm)
{
	uint64_t prev_end = 0;

	for (struct vma *v = mm->vmas; v; v = v->next) {
		if (v->start >= v->end || v->start < prev_end || v->end > USER_TOP ||
		    (v->start | v->end) & ~PAGE_MASK) {
			kprintf("mm_check: VMA %#lx-%#lx: empty, unaligned, out of user "
				"space, or not after the one before (ending %#lx)\n",
				v->start, v->end, prev_end);
			c->errors++;
		}
		prev_end = v->end;
	}
}

static void check_pages(struct check *c)
{
	for (uint64_t i = 0; i < npages; i++) {
		struct page *pg = &pages[i];

		if (pg->flags & PG_USER) {
			c->user_pages++;
			if (pg->seen != pg->ref)
				report(c, "page's ref vs PTE tables mapping it", i, pg->seen, pg->ref);
		} else if (pg->seen && !(pg->flags & PG_CHECKED) && pg->seen != pg->ref) {
			report(c, "upper page table's ref vs entries pointing at it", i,
			       pg->seen, pg->ref);
		}
	}
}

int mm_check(struct mm *const *mms, int n)
{
	struct check c = { 0 };

	reset();
	for (int i = 0; i < n; i++)
		count_tables(&c, mms[i]->pgd, PT_PGD);
	for (int i = 0; i < n; i++) {
		walk_mm(&c, mms[i]);
		check_vmas(&c, mms[i]);
	}
	check_pages(&c);
	if (c.user_pages != nr_user_pages)
		report(&c, "nr_user_pages", 0, c.user_pages, nr_user_pages);
	if (c.tables != nr_user_pgtables)
		report(&c, "nr_user_pgtables (upper tables + PTE tables)", 0, c.tables,
		       nr_user_pgtables);
	if (frame_check() < 0)
		c.errors++;
	return c.errors ? -1 : 0;
}
