/*
 * mm_check(): the rules of mm/mm.h, mm/odf.c and mm/hodf.c, recomputed from
 * scratch.
 *
 * It recounts, by walking every page table of the given address spaces,
 * how many entries point at each table, at every level, and how many
 * tables map each page (struct page.seen), then compares with what the
 * kernel keeps:
 *
 *   table ref   == entries pointing at it (pmd, pud and pgd entries)
 *   page ref    == distinct PTE tables mapping it (one more for a
 *                  page-cache frame: its file's, mm/filemap.c)
 *   a table with ref > 1 is reached only through read-only entries
 *   a table with ref > 1 covers no shared memory (VMA_SHARED)
 *   a private page with ref > 1 is writable through no path of entries
 *   a present PTE lies inside one of its address space's VMAs
 *   VMAs are page-aligned, non-empty, in user space, sorted, disjoint
 *   nr_user_pages, nr_cache_pages, nr_user_pgtables, the free list: exact
 *
 * Every violation is printed with the frame it concerns.  It costs a walk
 * of every table, so it runs in tests (after each test, and at every exit
 * with mm_check=1 on the command line), never on a fast path.
 *
 * It reads the counts plainly, not through mm/frame.h's atomic helpers:
 * it runs where no count can change, under the big kernel lock with every
 * other CPU in user mode or waiting for the lock (docs/smp.md); once the
 * lock is split, it must stop the other CPUs first.
 */
#include "mm/mm.h"
#include "mm/frame.h"
#include "mm/kstack.h"
#include "kernel/printk.h"

struct check {
	uint64_t tables, user_pages, cache_pages;
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

/* Counts, once per PTE table, the references its entries hold on pages. */
static void count_pages(struct check *c, struct page *table)
{
	pte_t *e = page_va(table);

	if (table->flags & PG_CHECKED)
		return;
	table->flags |= PG_CHECKED;
	c->tables++;
	for (int i = 0; i < PT_ENTRIES; i++)
		if (e[i] & PTE_P)
			pa_page(pte_pa(e[i]))->seen++;
}

/* Counts, once per table however many share it, the entries pointing at
 * each table below it. */
static void count_tables(struct check *c, struct page *table, int level)
{
	pte_t *e = page_va(table);
	int n = level == PT_PGD ? USER_PTRS_PER_PGD : PT_ENTRIES;

	if (table->flags & PG_CHECKED)
		return;
	table->flags |= PG_CHECKED;
	c->tables++;
	for (int i = 0; i < n; i++) {
		struct page *below = pa_page(pte_pa(e[i]));

		if (!(e[i] & PTE_P))
			continue;
		below->seen++;
		if (level == PT_PMD)
			count_pages(c, below);
		else
			count_tables(c, below, level - 1);
	}
}

/* A shared table's read-only entries would forbid writes to shared memory
 * that every process must be able to write: so no table with ref > 1, at
 * any level, may cover any of a VMA_SHARED (odf_shareable(), hodf_share()).
 * `table` is of `level` and maps [base, base + its span). */
static void check_shared_memory(struct check *c, struct mm *mm, struct page *table,
				uint64_t base, int level)
{
	uint64_t end = base + pt_span(level + 1);

	if (table->ref <= 1)
		return;
	for (struct vma *v = mm->vmas; v && v->start < end; v = v->next)
		if (v->kind == VMA_SHARED && v->end > base)
			report(c, level == PT_PTE ? "shared PTE table's ref over shared memory" :
			       "shared upper table's ref over shared memory", page_pfn(table),
			       1, table->ref);
}

/* Checks the PTE table under `pmd` against mm's VMAs and the writable
 * rule; `writable` is PTE_W if every entry above the PTEs allows writes. */
static void check_table(struct check *c, struct mm *mm, pte_t pmd, uint64_t base,
			pte_t writable)
{
	pte_t *e = pte_table(pmd);

	for (int i = 0; i < PT_ENTRIES; i++) {
		uint64_t va = base + i * pt_span(PT_PTE);
		struct page *pg = pa_page(pte_pa(e[i]));
		struct vma *v;

		if (!(e[i] & PTE_P))
			continue;
		v = vma_find(mm, va);
		if (!(pg->flags & (PG_USER | PG_CACHE)))
			report(c, "mapped page not marked PG_USER or PG_CACHE", page_pfn(pg), 1, 0);
		if (!v)
			report(c, "PTE outside every VMA", page_pfn(pg), 0, 1);
		else if ((writable & e[i] & PTE_W) && v->kind != VMA_SHARED && pg->ref > 1)
			report(c, "writable private page with other references",
			       page_pfn(pg), 1, pg->ref);
	}
}

/* Walks mm's `table` (of `level`, mapping from base) down to its pages,
 * checking the write-protection rules of every level: an entry pointing
 * at a table with ref > 1 is read-only, and a page is writable only where
 * the entries of all levels allow it (`writable`: those above). */
static void walk_level(struct check *c, struct mm *mm, pte_t *table, int level,
		       uint64_t base, pte_t writable)
{
	int n = level == PT_PGD ? USER_PTRS_PER_PGD : PT_ENTRIES;

	for (int i = 0; i < n; i++) {
		uint64_t va = base + i * pt_span(level);
		struct page *below = pa_page(pte_pa(table[i]));

		if (!(table[i] & PTE_P))
			continue;
		if ((table[i] & PTE_W) && below->ref > 1)
			report(c, level == PT_PMD ? "writable pmd entries to a shared PTE table" :
			       "writable entries to a shared upper table", page_pfn(below), 0, 1);
		check_shared_memory(c, mm, below, va, level - 1);
		if (level == PT_PMD)
			check_table(c, mm, table[i], va, writable & table[i]);
		else
			walk_level(c, mm, pte_table(table[i]), level - 1, va, writable & table[i]);
	}
}

static void walk_mm(struct check *c, struct mm *mm)
{
	walk_level(c, mm, mm->pgd, PT_PGD, 0, PTE_W);
}

static void check_vmas(struct check *c, struct mm *mm)
{
	uint64_t prev_end = 0;

	for (struct vma *v = mm->vmas; v; v = v->next) {
		if (!vma_range_ok(v->start, v->end) || v->start < prev_end) {
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
		} else if (pg->flags & PG_CACHE) {
			c->cache_pages++;
			if (pg->seen + 1 != pg->ref)
				report(c, "cache page's ref vs its file and PTE tables", i,
				       pg->seen + 1, pg->ref);
		} else if ((pg->flags & PG_CHECKED) && pg->seen != pg->ref) {
			report(c, "page table's ref vs entries pointing at it", i,
			       pg->seen, pg->ref);
		}
	}
}

int mm_check(struct mm *const *mms, int n)
{
	struct check c = { 0 };

	reset();
	for (int i = 0; i < n; i++) {
		pa_page(V2P(mms[i]->pgd))->seen++;
		count_tables(&c, pa_page(V2P(mms[i]->pgd)), PT_PGD);
	}
	for (int i = 0; i < n; i++) {
		walk_mm(&c, mms[i]);
		check_vmas(&c, mms[i]);
	}
	check_pages(&c);
	if (c.user_pages != nr_user_pages)
		report(&c, "nr_user_pages", 0, c.user_pages, nr_user_pages);
	if (c.cache_pages != nr_cache_pages)
		report(&c, "nr_cache_pages", 0, c.cache_pages, nr_cache_pages);
	if (c.tables != nr_user_pgtables)
		report(&c, "nr_user_pgtables (upper tables + PTE tables)", 0, c.tables,
		       nr_user_pgtables);
	if (frame_check() < 0 || kstack_check() < 0)
		c.errors++;
	return c.errors ? -1 : 0;
}
