/*
 * Kept kernel stacks (mm/kstack.c): an ended process's stack serves the
 * next process of its slot unchanged, and the kept ones go back together,
 * once there are too many or when an allocation runs out of frames.  The
 * tests take slots from the top of the process table, which no process
 * has this early (slots_free checks).
 */
#include "tests/ktest.h"
#include "mm/frame.h"
#include "mm/kstack.h"
#include "kernel/proc.h"

#define MARK 0x6b73746b
#define SLOTS (KSTACK_KEEP + 1)

static int slot(int nth)
{
	return NPROC - 1 - nth;
}

static int slots_free(void)
{
	for (int i = 0; i < SLOTS; i++)
		if (proc_at(slot(i)))
			return 0;
	return 1;
}

KTEST(kstack, kept_stack_serves_its_slot_again)
{
	uint64_t before = frames_free(), top;

	KEXPECT(slots_free());
	top = kstack_alloc(slot(0));
	KEXPECT(top != 0);
	*(uint64_t *)(top - sizeof(uint64_t)) = MARK;
	kstack_free(slot(0));
	KEXPECT_EQ(kstack_check(), 0);
	KEXPECT_EQ(frames_free(), before - KSTACK_PAGES);
	KEXPECT_EQ(kstack_alloc(slot(0)), top);
	KEXPECT_EQ(*(uint64_t *)(top - sizeof(uint64_t)), MARK);
	kstack_free(slot(0));
	kstack_trim();
	KEXPECT_EQ(kstack_check(), 0);
	KEXPECT_EQ(frames_free(), before);
}

KTEST(kstack, one_round_gives_back_every_kept_stack)
{
	uint64_t before = frames_free();

	KEXPECT(slots_free());
	for (int i = 0; i < SLOTS; i++)
		KEXPECT(kstack_alloc(slot(i)) != 0);
	for (int i = 0; i < KSTACK_KEEP; i++)
		kstack_free(slot(i));
	KEXPECT_EQ(frames_free(), before - SLOTS * KSTACK_PAGES);
	kstack_free(slot(KSTACK_KEEP));
	KEXPECT_EQ(frames_free(), before);
	KEXPECT_EQ(kstack_check(), 0);
}

/* Out of frames, a new stack takes those of the kept ones; with none kept
 * it fails whole, holding nothing. */
KTEST(kstack, out_of_frames_takes_the_kept_stacks)
{
	struct page *list = NULL, *pg;
	uint64_t before = frames_free();

	KEXPECT(slots_free());
	KEXPECT(kstack_alloc(slot(0)) != 0);
	kstack_free(slot(0));
	while ((pg = page_alloc())) {
		pg->next = list;
		list = pg;
	}
	KEXPECT(kstack_alloc(slot(1)) != 0);
	KEXPECT_EQ(frames_free(), 0);
	KEXPECT_EQ(kstack_alloc(slot(2)), 0);
	KEXPECT_EQ(frames_free(), 0);
	kstack_free(slot(1));
	kstack_trim();
	KEXPECT_EQ(frames_free(), KSTACK_PAGES);
	KEXPECT_EQ(kstack_check(), 0);
	while ((pg = list)) {
		list = pg->next;
		page_put(pg);
	}
	KEXPECT_EQ(frames_free(), before);
}
