/*
 * mprotect and munmap of a huge mapping that was barely touched.  A
 * process may map terabytes it never uses; the kernel must not walk them
 * page by page, since a system call is never preempted: a kernel that did
 * took hours over this one, and the whole machine with it.
 *
 * The mapping is read-only and private, so that Linux does not count it
 * against memory at any step (PROT_NONE and back to PROT_READ).  The test
 * passes by finishing; a kernel that walks every page runs into the
 * harness's timeout instead.
 */
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

#define HUGE_LEN	(4UL << 40)	/* 4 TiB: a billion pages */

int main(void)
{
	char *p = mmap(NULL, HUGE_LEN, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);
	volatile char *middle = p + HUGE_LEN / 2;

	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return test_result();
	CHECK_EQ(*middle, 0);                   /* one page, and its table */
	CHECK_EQ(mprotect(p, HUGE_LEN, PROT_NONE), 0);
	CHECK_EQ(mprotect(p, HUGE_LEN, PROT_READ), 0);
	CHECK_EQ(*middle, 0);
	CHECK_EQ(munmap(p, HUGE_LEN), 0);
	return test_result();
}
