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
#include "mm/tlb.h"
#include "arch/percpu.h"
#include "arch/x86.h"
#include "arch/cpu.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include <forklab.h>

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
	if (page_put_unless_last(pg))
		return;
	pg->flags &= ~PG_USER;
	nr_user_pages--;
	page_put(pg);
}

struct page *pgtable_alloc(void)
{
	struct page *pg = page_alloc_zeroed();

	if (pg)
		nr_user_pgtables++;
	return pg;
}

void pgtable_free(struct page *pg)
{
	nr_user_pgtables--;
	page_put(pg);
}

/* A new address space's pgd: no user entries, and the kernel's upper half
 * copied from kernel_pgd.  Each half is written once: zeroing the whole
 * page first would write the upper half twice, a quarter of what a fork
 * spends on its pgd. */
static pte_t *pgd_alloc(void)
{
	struct page *pg = page_alloc();
	pte_t *pgd;

	if (!pg)
		return NULL;
	nr_user_pgtables++;
	pgd = page_va(pg);
	memset(pgd, 0, USER_PTRS_PER_PGD * sizeof(pte_t));
	memcpy(pgd + USER_PTRS_PER_PGD, kernel_pgd + USER_PTRS_PER_PGD,
	       (PT_ENTRIES - USER_PTRS_PER_PGD) * sizeof(pte_t));
	return pgd;
}

struct mm *mm_new(void)
{
	struct mm *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	mm->users = 1;
	return mm;
}

/* The entry for va at `level`, allocating tables on the way if alloc.
 * NULL for an address past user space: the pgd's upper half is the
 * kernel's, and a walk of a user address space never goes there. */
pte_t *mm_walk(struct mm *mm, uint64_t va, int level, int alloc)
{
	static const struct pt_alloc a = { PTE_W | PTE_U, &nr_user_pgtables };

	if (va >= USER_TOP)
		return NULL;
	return pt_walk(mm->pgd, va, level, alloc ? &a : NULL);
}

/* For walks of [va, end) a PTE table at a time: the pmd entry of va (NULL
 * if no pmd table holds it), and in *next where the walk goes on.  Where a
 * pud or pmd table is missing, nothing below it is mapped, and the walk
 * skips its whole span (1 GiB, 512 GiB): the walk of an empty range of
 * terabytes takes a few steps, not one per 2 MiB. */
pte_t *mm_walk_pmd(struct mm *mm, uint64_t va, uint64_t end, uint64_t *next)
{
	for (int level = PT_PGD; level > PT_PMD; level--) {
		pte_t *e = mm_walk(mm, va, level, 0);

		if (!e || !(*e & PTE_P)) {
			*next = next_boundary(va, pt_span(level), end);
			return NULL;
		}
	}
	*next = next_boundary(va, PMD_SIZE, end);
	return mm_walk(mm, va, PT_PMD, 0);
}

/* The PTE for va in a table that mm alone maps, so that it may be changed:
 * tables are made as needed and shared ones above it are unshared from the
 * top down (mm/hodf.c, mm/odf.c), which is added to *actions (FA_*;
 * actions may be NULL).  NULL when a frame could not be had; then nothing
 * visible has changed. */
pte_t *pte_for_change(struct mm *mm, uint64_t va, unsigned *actions)
{
	pte_t *pmd = hodf_private_table(mm, va, PT_PMD, actions) < 0 ? NULL :
		     mm_walk(mm, va, PT_PMD, 1);
	int done = pmd && (*pmd & PTE_P) ? odf_unshare(mm, va, pmd) : 0;

	if (!pmd || done < 0)
		return NULL;
	if (actions)
		*actions |= done;
	return mm_walk(mm, va, PT_PTE, 1);
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
	flush_page(mm, va);
	return 0;
}

static int is_current(struct mm *mm)
{
	return read_cr3() == V2P(mm->pgd);
}

uint64_t tlb_flush_requests;

void flush_page(struct mm *mm, uint64_t va)
{
	tlb_flush_requests++;
	if (is_current(mm))
		invlpg(va);
	tlb_shootdown_page(mm, va);
}

void flush_all_local(struct mm *mm)
{
	tlb_flush_requests++;
	if (is_current(mm))
		write_cr3(read_cr3());
}

void flush_all(struct mm *mm)
{
	flush_all_local(mm);
	tlb_shootdown(mm);
}

/* Loads mm's tables on this CPU, and moves the CPU's bit from the mm it
 * leaves to mm's cpu_mask: loading CR3 drops the other's entries. */
void mm_activate(struct mm *mm)
{
	struct cpu *c = this_cpu();

	if (c->mm == mm)
		return;
	if (c->mm)
		c->mm->cpu_mask &= ~(1UL << c->id);
	if (mm)
		mm->cpu_mask |= 1UL << c->id;
	c->mm = mm;
	write_cr3(V2P(mm ? mm->pgd : kernel_pgd));
}

/* Removes the pages of [start, end) under `table` (of `level`), top down:
 * an entry whose whole span goes drops its table (shared or not), the
 * others are entered.  A table entered must be this process's alone: the
 * entries it would clear in a shared one are the other processes' too,
 * and the counts would not tell (mm_check() could not see it), so the
 * caller's missing unshare is caught here. */
static void unmap_level(pte_t *table, int level, uint64_t start, uint64_t end)
{
	for (uint64_t va = start, next; va < end; va = next) {
		pte_t *e = &table[pt_index(va, level)];

		next = next_boundary(va, pt_span(level), end);
		if (!(*e & PTE_P))
			continue;
		if (level == PT_PTE) {
			user_page_put(pa_page(pte_pa(*e)));
			*e = 0;
		} else if (next - va < pt_span(level)) {
			ASSERT(page_ref(pa_page(pte_pa(*e))) == 1);
			unmap_level(pte_table(*e), level - 1, va, next);
		} else if (level == PT_PMD) {
			odf_table_put(e);
		} else {
			hodf_table_put(e, level - 1);
		}
	}
}

/* Removes the pages of [start, end).  The tables it cuts in part at the
 * two ends must already be unshared (hodf_unshare_edge, odf_unshare_range). */
void unmap_range(struct mm *mm, uint64_t start, uint64_t end)
{
	unmap_level(mm->pgd, PT_PGD, start, end);
	flush_all(mm);
}

/* The pages of [start, end), all under one PTE table, get the flags want;
 * a private page that someone else maps too stays read-only: it is
 * copy-on-write. */
static void protect_table(pte_t *table, uint64_t start, uint64_t end, int shared,
			  pte_t want)
{
	for (uint64_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte = &table[pt_index(va, PT_PTE)];
		pte_t flags = want;

		if (!(*pte & PTE_P))
			continue;
		if (!shared && page_ref_acquire(pa_page(pte_pa(*pte))) > 1)
			flags &= ~PTE_W;        /* at 1, as a reuse: mm/frame.h */
		*pte = pte_pa(*pte) | flags;
	}
}

/* Gives every page of v the protection v now has, a PTE table at a time:
 * where there is no table there is no page, and a VMA may span terabytes
 * that were never touched.  The tables of v must be unshared already
 * (odf_unshare_range). */
void protect_range(struct mm *mm, struct vma *v)
{
	pte_t want = vma_pte_flags(v);

	for (uint64_t va = v->start, next; va < v->end; va = next) {
		pte_t *pmd = mm_walk_pmd(mm, va, v->end, &next);

		if (pmd && (*pmd & PTE_P))
			protect_table(pte_table(*pmd), va, next, v->kind == VMA_SHARED, want);
	}
	flush_all(mm);
}

/* Frees mm; it must not be the address space in use. */
/* Names the program in mm; a path without its leading '/' is relative to
 * the root, as exec finds it, and gets it back. */
int mm_set_exe(struct mm *mm, const char *path, uint64_t ino)
{
	size_t root = path[0] != '/';
	struct exe_name *e = kmalloc(sizeof(*e) + root + strlen(path) + 1);

	if (!e)
		return -ENOMEM;
	e->ref = 1;
	e->ino = ino;
	e->path[0] = '/';
	strcpy(e->path + root, path);
	mm->exe = e;
	return 0;
}

void mm_free(struct mm *mm)
{
	for (int i = 0; i < USER_PTRS_PER_PGD; i++)
		if (mm->pgd[i] & PTE_P)
			hodf_table_put(&mm->pgd[i], PT_PUD);
	pgtable_free(pa_page(V2P(mm->pgd)));
	while (mm->vmas)
		vma_remove(mm, mm->vmas);
	if (mm->exe && --mm->exe->ref == 0)
		kfree(mm->exe);
	kfree(mm);
}

void mm_get(struct mm *mm)
{
	mm->users++;
}

/* Like mm_free, mm must not be in use when the last user goes. */
void mm_put(struct mm *mm)
{
	if (--mm->users == 0)
		mm_free(mm);
}

static void count_ptes(const pte_t *table, struct mm_usage *u)
{
	for (int i = 0; i < PT_ENTRIES; i++)
		u->rss += table[i] & PTE_P;
}

/* Counts `table` (of `level`) and the tables below it: shared if its ref
 * is above 1 or a table above it is shared, since then every table below
 * is reached by others too. */
static void usage_walk(const pte_t *table, int level, int shared, struct mm_usage *u)
{
	int n = level == PT_PGD ? USER_PTRS_PER_PGD : PT_ENTRIES;

	shared |= page_ref(pa_page(V2P(table))) > 1;
	if (shared)
		u->shared[level]++;
	else
		u->own[level]++;
	if (level == PT_PTE) {
		count_ptes(table, u);
		return;
	}
	for (int i = 0; i < n; i++)
		if (table[i] & PTE_P)
			usage_walk(pte_table(table[i]), level - 1, shared, u);
}

void mm_inspect(struct mm *mm, uint64_t va, struct forklab_inspect *out)
{
	pte_t *pmd = mm_walk(mm, va, PT_PMD, 0), pte;

	*out = (struct forklab_inspect){ 0 };
	if (!pmd || !(*pmd & PTE_P) || (*pmd & PTE_PS))
		return;
	out->table = pte_pa(*pmd);
	out->table_ref = page_ref(pa_page(out->table));
	out->pmd_writable = !!(*pmd & PTE_W);
	pte = pte_table(*pmd)[pt_index(va, PT_PTE)];
	if (!(pte & PTE_P))
		return;
	out->page = pte_pa(pte);
	out->page_ref = page_ref(pa_page(out->page));
	out->pte_writable = !!(pte & PTE_W);
}

void mm_usage(struct mm *mm, struct mm_usage *u)
{
	*u = (struct mm_usage){ 0 };
	usage_walk(mm->pgd, PT_PGD, 0, u);
	for (int level = PT_PTE; level <= PT_PGD; level++) {
		u->pt_private += u->own[level];
		u->pt_shared += u->shared[level];
	}
}
