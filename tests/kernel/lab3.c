/*
 * Lab 3's tests (docs/labs/lab3-odf.md): the functions of mm/odf.c, one at
 * a time.  Each test sets up the state its function starts from by hand
 * (share_by_hand() does what an odf fork does to one table), so that it
 * depends on that function alone, and undoes by hand what the function
 * should have done but did not, so that a missing function fails its
 * tests without bringing the machine down.  The odf suite
 * (tests/kernel/odf.c) then checks the functions working together.
 */
#include "tests/ktest.h"
#include "tests/kernel/mm_fixture.h"
#include "mm/frame.h"
#include "mm/trace.h"
#include "kernel/errno.h"

/* A parent with TOUCHED pages at REGION, and a child with the same VMA and
 * a pmd entry, empty, ready to point at the parent's table. */
struct pair {
	struct mm *p, *c;
	pte_t *pmd_p, *pmd_c;
	struct page *table;                     /* the parent's PTE table */
};

static struct pair make_pair(void)
{
	struct pair s = { fixture_parent(), mm_new(), NULL, NULL, NULL };

	fixture_map(s.c, REGION, PMD_SIZE, RW, ANON_FIXED);
	s.pmd_p = mm_walk(s.p, REGION, PT_PMD, 0);
	s.pmd_c = mm_walk(s.c, REGION, PT_PMD, 1);
	s.table = pa_page(pte_pa(*s.pmd_p));
	return s;
}

static void free_pair(struct pair *s)
{
	mm_free(s->c);
	mm_free(s->p);
}

/* What an odf fork does to one table. */
static void share_by_hand(struct pair *s)
{
	*s->pmd_p &= ~PTE_W;
	*s->pmd_c = *s->pmd_p;
	page_get(s->table);
}

/* Undoes share_by_hand, if the child still points at the parent's table. */
static void unshare_by_hand(struct pair *s)
{
	if (!(*s->pmd_c & PTE_P) || pte_pa(*s->pmd_c) != page_pa(s->table))
		return;
	*s->pmd_c = 0;
	page_put(s->table);                     /* the parent's reference stays */
}

/* The page refs of the table's first TOUCHED entries all equal want? */
static int page_refs_are(const pte_t *table, uint32_t want)
{
	for (int i = 0; i < TOUCHED; i++)
		if (page_ref(pa_page(pte_pa(table[i]))) != want)
			return 0;
	return 1;
}

KTEST(lab3, shareable)
{
	struct mm *mm = mm_new();
	uint64_t next = REGION + PMD_SIZE;

	fixture_map(mm, REGION, PMD_SIZE, RW, ANON_FIXED);
	KEXPECT(odf_shareable(mm, NULL, REGION));
	KEXPECT(odf_shareable(mm, vma_find(mm, REGION), REGION));
	fixture_map(mm, next + PAGE_SIZE, PAGE_SIZE, RW, SHARED_FIXED);
	KEXPECT(!odf_shareable(mm, NULL, next));        /* shared memory inside */
	KEXPECT(!odf_shareable(mm, vma_find(mm, REGION), next)); /* hint ends before */
	KEXPECT(!odf_shareable(mm, vma_find(mm, next + PAGE_SIZE), next)); /* shared hint */
	KEXPECT(odf_shareable(mm, NULL, REGION));       /* ... but not in this one */
	KEXPECT(odf_shareable(mm, NULL, next + PMD_SIZE));
	mm_free(mm);
}

KTEST(lab3, share)
{
	struct pair s = make_pair();
	pte_t *ptes = page_va(s.table);

	odf_share(s.pmd_p, s.pmd_c);
	KEXPECT_EQ(pte_pa(*s.pmd_c), page_pa(s.table));
	KEXPECT_EQ(*s.pmd_c, *s.pmd_p);
	KEXPECT(!(*s.pmd_p & PTE_W));
	KEXPECT_EQ(page_ref(s.table), 2);
	KEXPECT(page_refs_are(ptes, 1));                /* page counts do not change */
	KEXPECT_EQ(CHECK_MMS(s.p, s.c), 0);
	unshare_by_hand(&s);
	free_pair(&s);
}

/* A writable pmd entry means a table of our own: nothing to do. */
KTEST(lab3, unshare_own_table)
{
	struct pair s = make_pair();
	pte_t before = *s.pmd_p;

	KEXPECT_EQ(odf_unshare(s.p, REGION, s.pmd_p), 0);
	KEXPECT_EQ(*s.pmd_p, before);
	free_pair(&s);
}

/* A read-only pmd entry over a table nobody else maps (a sharer went
 * away): the table is reused, not copied. */
KTEST(lab3, unshare_reuses)
{
	struct pair s = make_pair();
	uint64_t reused = odf_counters.tables_reused, free;
	pte_t before;

	*s.pmd_p &= ~PTE_W;
	before = *s.pmd_p;
	free = frames_free();
	KEXPECT_EQ(odf_unshare(s.p, REGION, s.pmd_p), FA_TABLE_REUSE);
	KEXPECT_EQ(*s.pmd_p, before | PTE_W);
	KEXPECT_EQ(odf_counters.tables_reused, reused + 1);
	KEXPECT_EQ(frames_free(), free);
	KEXPECT_EQ(CHECK_MMS(s.p, s.c), 0);
	free_pair(&s);
}

/* A shared table is copied for the one who changes it: the copy takes a
 * reference on every page, and both tables' PTEs become read-only. */
KTEST(lab3, unshare_copies)
{
	struct pair s = make_pair();
	uint64_t copied = odf_counters.tables_copied, flushes = tlb_flush_requests;
	pte_t *old = page_va(s.table), *copy;
	int r, same = 1, writable = 0;

	share_by_hand(&s);
	r = odf_unshare(s.c, REGION, s.pmd_c);
	KEXPECT_EQ(r, FA_TABLE_COPY);
	if (r != FA_TABLE_COPY || pte_pa(*s.pmd_c) == page_pa(s.table)) {
		unshare_by_hand(&s);
		free_pair(&s);
		return;
	}
	copy = pte_table(*s.pmd_c);
	KEXPECT(*s.pmd_c & PTE_W);
	KEXPECT_EQ(page_ref(s.table), 1);
	KEXPECT_EQ(page_ref(pa_page(pte_pa(*s.pmd_c))), 1);
	for (int i = 0; i < PT_ENTRIES; i++) {
		same &= (old[i] & PTE_P) == (copy[i] & PTE_P) && pte_pa(old[i]) == pte_pa(copy[i]);
		writable |= (old[i] | copy[i]) & PTE_W;
	}
	KEXPECT(same);
	KEXPECT(!writable);
	KEXPECT(page_refs_are(old, 2));
	KEXPECT_EQ(odf_counters.tables_copied, copied + 1);
	KEXPECT(tlb_flush_requests > flushes);  /* the old pmd entry may be cached */
	KEXPECT_EQ(CHECK_MMS(s.p, s.c), 0);
	free_pair(&s);
}

/* No frame for the copy: -ENOMEM, and everything as it was. */
KTEST(lab3, unshare_out_of_memory)
{
	struct pair s = make_pair();
	struct page *frames;
	pte_t before;
	int r;

	share_by_hand(&s);
	before = *s.pmd_c;
	frames = fixture_take_frames();
	r = odf_unshare(s.c, REGION, s.pmd_c);
	fixture_give_frames(frames);
	KEXPECT_EQ(r, -ENOMEM);
	KEXPECT_EQ(*s.pmd_c, before);
	KEXPECT_EQ(page_ref(s.table), 2);
	KEXPECT(page_refs_are(page_va(s.table), 1));
	KEXPECT_EQ(CHECK_MMS(s.p, s.c), 0);
	unshare_by_hand(&s);
	free_pair(&s);
}

/* Dropping a shared table's reference frees nothing; dropping the last
 * frees its pages and the table, exactly once. */
KTEST(lab3, table_put)
{
	struct pair s = make_pair();
	uint64_t free;

	share_by_hand(&s);
	free = frames_free();
	odf_table_put(s.pmd_c);
	KEXPECT_EQ(*s.pmd_c, 0);
	KEXPECT_EQ(page_ref(s.table), 1);
	KEXPECT_EQ(frames_free(), free);
	if (page_ref(s.table) != 1 || frames_free() != free) {
		*s.pmd_p = 0;                   /* freed under the parent: forget it */
		free_pair(&s);
		return;
	}
	KEXPECT_EQ(CHECK_MMS(s.p, s.c), 0);
	odf_table_put(s.pmd_p);
	KEXPECT_EQ(*s.pmd_p, 0);
	KEXPECT_EQ(frames_free(), free + TOUCHED + 1);
	KEXPECT_EQ(CHECK_MMS(s.p, s.c), 0);
	free_pair(&s);
}

/* A table that three VMAs cover is shared once per fork: its count is the
 * number of address spaces that map it. */
KTEST(lab3, fork_counts_exact)
{
	struct pair s = make_pair();
	struct mm *c1, *c2;
	struct fork_stats st;

	KEXPECT_EQ(mm_mprotect(s.p, REGION + PAGE_SIZE, PAGE_SIZE, PROT_READ), 0);
	c1 = mm_fork(s.p, FORK_ODF, &st);
	KEXPECT_EQ(st.tables_shared, 1);
	KEXPECT_EQ(st.ptes_copied, 0);
	KEXPECT_EQ(page_ref(s.table), 2);
	c2 = mm_fork(c1, FORK_ODF, &st);
	KEXPECT_EQ(page_ref(s.table), 3);
	KEXPECT_EQ(CHECK_MMS(s.p, s.c, c1, c2), 0);
	mm_free(c1);
	KEXPECT_EQ(page_ref(s.table), 2);
	mm_free(c2);
	KEXPECT_EQ(page_ref(s.table), 1);
	free_pair(&s);
}
