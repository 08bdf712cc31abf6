/*
 * The address-space invariants (mm/mm.h), where they are enforced: VMAs
 * are made only by vma_insert and vma_split, which refuse bad ranges; no
 * walk reaches past user space.  Address spaces are built by hand, and
 * mm_check and the frame count are checked after each test by the
 * harness.
 */
#include <stddef.h>
#include "tests/ktest.h"
#include "mm/mm.h"
#include "kernel/errno.h"

#define REGION          0x40000000UL            /* 2 MiB aligned */
#define RW              (PROT_READ | PROT_WRITE)

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
