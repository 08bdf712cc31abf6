/* The kernel tests' address spaces built by hand (mm_fixture.h). */
#include <string.h>
#include "tests/ktest.h"
#include "tests/kernel/mm_fixture.h"
#include "mm/frame.h"

void fixture_map(struct mm *mm, uint64_t va, uint64_t len, int prot, int flags)
{
	KEXPECT_EQ(mm_mmap(mm, va, len, prot, flags), va);
}

void fixture_touch(struct mm *mm, uint64_t va, int n, uint64_t err)
{
	for (int i = 0; i < n; i++)
		KEXPECT_EQ(handle_fault(mm, va + i * PAGE_SIZE, err), 0);
}

struct mm *fixture_parent(void)
{
	struct mm *mm = mm_new();

	fixture_map(mm, REGION, PMD_SIZE, RW, ANON_FIXED);
	fixture_touch(mm, REGION, TOUCHED, WRITE);
	for (int i = 0; i < TOUCHED; i++) {
		pte_t *pte = mm_walk(mm, REGION + i * PAGE_SIZE, PT_PTE, 0);

		if (pte && (*pte & PTE_P))
			memset(P2V(pte_pa(*pte)), SEED + i, PAGE_SIZE);
	}
	return mm;
}

struct forklab_inspect fixture_look(struct mm *mm, uint64_t va)
{
	struct forklab_inspect in;

	mm_inspect(mm, va, &in);
	return in;
}

struct page *fixture_take_frames(void)
{
	struct page *list = NULL, *pg;

	while ((pg = page_alloc())) {
		pg->next = list;
		list = pg;
	}
	return list;
}

void fixture_give_frames(struct page *list)
{
	struct page *pg;

	while ((pg = list)) {
		list = pg->next;
		page_put(pg);
	}
}
