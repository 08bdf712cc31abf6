/*
 * Lab 2's tests (docs/labs/lab2-cow.md): copy-on-write fork and the
 * copy-on-write fault, on address spaces built by hand.  Faults are raised
 * by calling handle_fault(), what each did is read from the fault trace,
 * and every count from struct page; mm_check() must agree at each step.
 */
#include "tests/ktest.h"
#include "tests/kernel/mm_fixture.h"
#include "mm/frame.h"
#include "mm/trace.h"
#include "kernel/errno.h"

/* What the latest fault did (FA_* bits). */
static unsigned last_actions(void)
{
	return fault_trace.ev[(fault_trace.next - 1) % FAULT_TRACE_SIZE].actions;
}

/* Does the frame at pa hold `byte` in every position? */
static int holds(uint64_t pa, int byte)
{
	const unsigned char *p = P2V(pa);

	for (uint64_t i = 0; i < PAGE_SIZE; i++)
		if (p[i] != (unsigned char)byte)
			return 0;
	return 1;
}

/* A cow fork copies PTEs, not pages: both map each page read-only. */
KTEST(lab2, fork_shares_pages)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct forklab_inspect before = fixture_look(p, REGION), pi, ci;

	c = mm_fork(p, FORK_COW, &st);
	pi = fixture_look(p, REGION);
	ci = fixture_look(c, REGION);
	KEXPECT_EQ(ci.page, before.page);
	KEXPECT_EQ(pi.page, before.page);
	KEXPECT_EQ(pi.page_ref, 2);
	KEXPECT(!pi.pte_writable && !ci.pte_writable);
	KEXPECT(ci.table != pi.table);                  /* cow copies the table */
	KEXPECT_EQ(st.pages_copied, 0);
	KEXPECT_EQ(st.ptes_copied, TOUCHED);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	KEXPECT_EQ(fixture_look(p, REGION).page_ref, 1);
	mm_free(p);
}

/* The first write to a shared page copies it for the writer. */
KTEST(lab2, write_copies)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct forklab_inspect pi, ci;

	c = mm_fork(p, FORK_COW, &st);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), 0);
	KEXPECT(last_actions() & FA_PAGE_COPY);
	ci = fixture_look(c, REGION);
	pi = fixture_look(p, REGION);
	KEXPECT(ci.page && ci.page != pi.page);
	KEXPECT(ci.pte_writable);
	KEXPECT_EQ(ci.page_ref, 1);
	KEXPECT_EQ(pi.page_ref, 1);
	KEXPECT(ci.page && holds(ci.page, SEED));       /* the parent's bytes */
	KEXPECT_EQ(fixture_look(c, REGION + PAGE_SIZE).page,
		   fixture_look(p, REGION + PAGE_SIZE).page);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* Once the child has its copy, the parent is the page's last user: its
 * write makes the page writable again, without copying. */
KTEST(lab2, last_user_reuses)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	uint64_t page = fixture_look(p, REGION).page, free;

	c = mm_fork(p, FORK_COW, &st);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), 0);
	free = frames_free();
	KEXPECT_EQ(handle_fault(p, REGION, WRITE), 0);
	KEXPECT(last_actions() & FA_PAGE_REUSE);
	KEXPECT(!(last_actions() & FA_PAGE_COPY));
	KEXPECT_EQ(fixture_look(p, REGION).page, page);
	KEXPECT(fixture_look(p, REGION).pte_writable);
	KEXPECT_EQ(frames_free(), free);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	mm_free(c);
	mm_free(p);
}

/* A child that exits leaves every page to the parent, which reuses all. */
KTEST(lab2, exit_then_reuse)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	uint64_t free;
	int reused = 0;

	c = mm_fork(p, FORK_COW, &st);
	KEXPECT_EQ(fixture_look(p, REGION).page_ref, 2);
	mm_free(c);
	free = frames_free();
	for (int i = 0; i < TOUCHED; i++) {
		KEXPECT_EQ(handle_fault(p, REGION + i * PAGE_SIZE, WRITE), 0);
		reused += !!(last_actions() & FA_PAGE_REUSE);
	}
	KEXPECT_EQ(reused, TOUCHED);
	KEXPECT_EQ(frames_free(), free);
	KEXPECT_EQ(CHECK_MMS(p), 0);
	mm_free(p);
}

/* Three generations: two writers copy, and the last one reuses. */
KTEST(lab2, three_generations)
{
	struct mm *p = fixture_parent(), *c1, *c2;
	struct fork_stats st;
	struct page *orig = pa_page(fixture_look(p, REGION).page);

	c1 = mm_fork(p, FORK_COW, &st);
	c2 = mm_fork(c1, FORK_COW, &st);
	KEXPECT_EQ(page_ref(orig), 3);
	KEXPECT_EQ(handle_fault(c1, REGION, WRITE), 0);
	KEXPECT_EQ(page_ref(orig), 2);
	KEXPECT_EQ(handle_fault(c2, REGION, WRITE), 0);
	KEXPECT_EQ(page_ref(orig), 1);
	KEXPECT_EQ(handle_fault(p, REGION, WRITE), 0);
	KEXPECT(last_actions() & FA_PAGE_REUSE);
	KEXPECT_EQ(fixture_look(p, REGION).page, page_pa(orig));
	KEXPECT_EQ(CHECK_MMS(p, c1, c2), 0);
	mm_free(c2);
	mm_free(c1);
	mm_free(p);
}

/* With no frame to copy into, the fault fails and nothing changes. */
KTEST(lab2, out_of_memory)
{
	struct mm *p = fixture_parent(), *c;
	struct fork_stats st;
	struct page *frames;
	struct forklab_inspect before, after;

	c = mm_fork(p, FORK_COW, &st);
	before = fixture_look(c, REGION);
	frames = fixture_take_frames();
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), -ENOMEM);
	after = fixture_look(c, REGION);
	fixture_give_frames(frames);
	KEXPECT_EQ(after.page, before.page);
	KEXPECT_EQ(after.page_ref, 2);
	KEXPECT(!after.pte_writable);
	KEXPECT_EQ(CHECK_MMS(p, c), 0);
	KEXPECT_EQ(handle_fault(c, REGION, WRITE), 0);  /* memory is back */
	KEXPECT(fixture_look(c, REGION).page != before.page);
	mm_free(c);
	mm_free(p);
}
