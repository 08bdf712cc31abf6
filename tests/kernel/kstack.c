/*
 * Kept kernel stacks (mm/kstack.c): an ended process's stack serves the
 * next process of its slot unchanged, and the kept ones go back together,
 * once there are too many or when an allocation runs out of frames.  The
 * tests take slots from the top of the process table, which no process
 * has this early.
 */
#include "tests/ktest.h"
#include "mm/frame.h"
#include "mm/kstack.h"
#include "kernel/proc.h"

#define MARK 0x6b73746b

static int free_slot(int nth)
{
	int slot = NPROC - 1 - nth;

	return proc_at(slot) ? -1 : slot;
}

KTEST(kstack, kept_stack_serves_its_slot_again)
{
	int slot = free_slot(0);
	uint64_t before = frames_free(), top;

	KEXPECT(slot >= 0);
	top = kstack_alloc(slot);
	KEXPECT(top != 0);
	*(uint64_t *)(top - sizeof(uint64_t)) = MARK;
	kstack_free(slot);
	KEXPECT_EQ(kstack_check(), 0);
	KEXPECT_EQ(frames_free(), before - KSTACK_PAGES);
	KEXPECT_EQ(kstack_alloc(slot), top);
	KEXPECT_EQ(*(uint64_t *)(top - sizeof(uint64_t)), MARK);
	kstack_free(slot);
	kstack_trim();
	KEXPECT_EQ(kstack_check(), 0);
	KEXPECT_EQ(frames_free(), before);
}

KTEST(kstack, one_round_gives_back_every_kept_stack)
{
	uint64_t before = frames_free();

	for (int i = 0; i <= KSTACK_KEEP; i++)
		KEXPECT(kstack_alloc(free_slot(i)) != 0);
	for (int i = 0; i < KSTACK_KEEP; i++)
		kstack_free(free_slot(i));
	KEXPECT_EQ(frames_free(), before - (KSTACK_KEEP + 1) * KSTACK_PAGES);
	kstack_free(free_slot(KSTACK_KEEP));
	KEXPECT_EQ(frames_free(), before);
	KEXPECT_EQ(kstack_check(), 0);
}

/* Out of frames, a new stack fails whole and the kept ones go back, so
 * that a second try can find frames. */
KTEST(kstack, failed_alloc_gives_back_kept_stacks)
{
	struct page *list = NULL, *pg;
	uint64_t before = frames_free();

	KEXPECT(kstack_alloc(free_slot(0)) != 0);
	kstack_free(free_slot(0));
	while ((pg = page_alloc())) {
		pg->next = list;
		list = pg;
	}
	KEXPECT_EQ(kstack_alloc(free_slot(1)), 0);
	KEXPECT_EQ(frames_free(), KSTACK_PAGES);
	KEXPECT_EQ(kstack_check(), 0);
	while ((pg = list)) {
		list = pg->next;
		page_put(pg);
	}
	KEXPECT_EQ(frames_free(), before);
}
