/*
 * The address-space invariants (mm/mm.h), where they are enforced: VMAs
 * are made only by vma_insert and vma_split, which refuse bad ranges; no
 * walk reaches past user space; a failed mmap leaves the address space as
 * it was.  Address spaces are built by hand, and mm_check and the frame
 * count are checked after each test by the harness.
 */
#include <stddef.h>
#include "tests/ktest.h"
#include "mm/mm.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "kernel/errno.h"
#include "arch/trap.h"

#define REGION          0x40000000UL            /* 2 MiB aligned */
#define FRESH           0x80000000UL            /* under no table yet */
#define SHM_LEN         (16 * PAGE_SIZE)
#define RW              (PROT_READ | PROT_WRITE)
#define SHARED_ANON     (MAP_SHARED | MAP_ANONYMOUS)
#define PRIVATE_ANON    (MAP_PRIVATE | MAP_ANONYMOUS)
#define WRITE           (PF_USER | PF_WRITE)

static int nr_vmas(struct mm *mm)
{
	int n = 0;

	for (struct vma *v = mm->vmas; v; v = v->next)
		n++;
	return n;
}

KTEST(vma, insert_refuses_bad_ranges)
{
	struct mm *mm = mm_new();

	KEXPECT_EQ(vma_insert(mm, REGION, REGION, RW, VMA_ANON), -EINVAL);
	KEXPECT_EQ(vma_insert(mm, REGION + PAGE_SIZE, REGION, RW, VMA_ANON), -EINVAL);
	KEXPECT_EQ(vma_insert(mm, REGION + 1, REGION + PAGE_SIZE, RW, VMA_ANON), -EINVAL);
	KEXPECT_EQ(vma_insert(mm, REGION, REGION + PAGE_SIZE - 1, RW, VMA_ANON), -EINVAL);
	KEXPECT_EQ(vma_insert(mm, USER_TOP - PAGE_SIZE, USER_TOP + PAGE_SIZE, RW, VMA_BRK),
		   -EINVAL);
	KEXPECT_EQ(vma_insert(mm, USER_TOP, USER_TOP + PAGE_SIZE, RW, VMA_BRK), -EINVAL);
	KEXPECT_EQ(nr_vmas(mm), 0);
	KEXPECT_EQ(vma_insert(mm, REGION, REGION + 2 * PAGE_SIZE, RW, VMA_ANON), 0);
	KEXPECT_EQ(vma_insert(mm, REGION + PAGE_SIZE, REGION + 3 * PAGE_SIZE, RW, VMA_ANON),
		   -ENOMEM);                            /* overlaps */
	KEXPECT_EQ(vma_split(mm, REGION + 1), -EINVAL);
	KEXPECT_EQ(nr_vmas(mm), 1);
	KEXPECT_EQ(vma_split(mm, REGION + PAGE_SIZE), 0);
	KEXPECT_EQ(nr_vmas(mm), 2);
	mm_free(mm);
}

/* The pgd's upper half is the kernel's: a user walk stops short of it. */
KTEST(vma, walk_stays_in_user_space)
{
	struct mm *mm = mm_new();
	uint64_t next;

	KEXPECT(mm_walk(mm, USER_TOP, PT_PGD, 0) == NULL);
	KEXPECT(mm_walk(mm, USER_TOP, PT_PTE, 1) == NULL);
	KEXPECT(mm_walk(mm, ~0UL, PT_PMD, 0) == NULL);
	KEXPECT(mm_walk(mm, USER_TOP - PAGE_SIZE, PT_PGD, 0) != NULL);
	KEXPECT(mm_walk_pmd(mm, 0, USER_TOP, &next) == NULL);   /* no pud: skip 512 GiB */
	KEXPECT_EQ(next, 1UL << 39);
	mm_free(mm);
}

/* Takes every free frame.  An object freed after leaves the heap a free
 * chunk for one VMA (or a frame for it, if its slab empties). */
static struct page *take_all_frames(void)
{
	void *room = kzalloc(sizeof(struct vma));
	struct page *list = NULL, *pg;

	while ((pg = page_alloc())) {
		pg->next = list;
		list = pg;
	}
	kfree(room);
	return list;
}

/* Gives back n of them, or all if n < 0. */
static struct page *give_back(struct page *list, int n)
{
	for (struct page *pg; n-- != 0 && (pg = list); ) {
		list = pg->next;
		page_put(pg);
	}
	return list;
}

/* A MAP_SHARED mmap populates its pages.  Here its range lies in a PTE
 * table that an odf fork shares, so the first page needs a frame for a
 * private copy and none is left: mmap fails, and leaves no VMA behind,
 * although undoing it by munmap would need that frame too. */
KTEST(vma, mmap_populate_fails_in_shared_table)
{
	struct mm *p = mm_new(), *c;
	struct fork_stats st;
	struct page *list;
	uint64_t shm = REGION + PMD_SIZE / 2;

	KEXPECT_EQ(mm_mmap(p, REGION, PAGE_SIZE, RW, PRIVATE_ANON | MAP_FIXED), REGION);
	KEXPECT_EQ(handle_fault(p, REGION, WRITE), 0);
	c = mm_fork(p, FORK_ODF, &st);
	KEXPECT_EQ(st.tables_shared, 1);
	list = take_all_frames();
	KEXPECT_EQ(mm_mmap(p, shm, SHM_LEN, RW, SHARED_ANON), -ENOMEM);
	KEXPECT(vma_find(p, shm) == NULL);
	KEXPECT_EQ(nr_vmas(p), 1);
	give_back(list, -1);
	mm_free(c);
	mm_free(p);
}

/* Frames run out halfway through: the pages mapped so far go again. */
KTEST(vma, mmap_populate_fails_halfway)
{
	struct mm *mm = mm_new();
	struct page *list;
	uint64_t pages = nr_user_pages;

	list = give_back(take_all_frames(), SHM_LEN / PAGE_SIZE / 2);
	KEXPECT_EQ(mm_mmap(mm, FRESH, SHM_LEN, RW, SHARED_ANON), -ENOMEM);
	KEXPECT(vma_find(mm, FRESH) == NULL);
	KEXPECT_EQ(nr_vmas(mm), 0);
	KEXPECT_EQ(nr_user_pages, pages);
	give_back(list, -1);
	mm_free(mm);
}

/* MAP_FIXED over a mapping, with no memory for the new VMA: the old
 * mapping stays. */
KTEST(vma, mmap_fixed_keeps_old_mapping)
{
	struct mm *mm = mm_new();
	struct page *list;
	void **hogs = NULL, **h;

	KEXPECT_EQ(mm_mmap(mm, REGION, PAGE_SIZE, RW, PRIVATE_ANON | MAP_FIXED), REGION);
	list = take_all_frames();
	while ((h = kzalloc(sizeof(struct vma)))) {     /* the heap runs dry too */
		*h = hogs;
		hogs = h;
	}
	KEXPECT_EQ(mm_mmap(mm, REGION, PAGE_SIZE, PROT_READ, PRIVATE_ANON | MAP_FIXED),
		   -ENOMEM);
	KEXPECT(vma_find(mm, REGION) != NULL);
	KEXPECT_EQ(vma_find(mm, REGION)->prot, RW);
	while ((h = hogs)) {
		hogs = *h;
		kfree(h);
	}
	give_back(list, -1);
	mm_free(mm);
}
