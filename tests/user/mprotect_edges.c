/*
 * mprotect's errors in Linux's order: a misaligned address or an unknown
 * protection is EINVAL; a length of 0 changes nothing and succeeds, even
 * where nothing is mapped; a range that wraps, or runs past the end of
 * user space, is ENOMEM, as any range with a hole in it.
 */
#include <sys/mman.h>
#include "check.h"

#define USER_END	0x00007ffffffff000UL	/* Linux's TASK_SIZE_MAX */
#define CANONICAL_END	0x0000800000000000UL
#define KERNEL_ADDR	0xffff800000000000UL
#define UNMAPPED	0x100000000UL	/* 4 GiB: nothing of ours is there */
#define UNKNOWN_PROT	0x100		/* a bit no PROT_ flag uses */

int main(void)
{
	char *p = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return test_result();
	CHECK_ERR(mprotect(p + 1, PAGE_SIZE, PROT_READ), EINVAL);
	CHECK_ERR(mprotect(p, PAGE_SIZE, UNKNOWN_PROT), EINVAL);
	CHECK_EQ(mprotect(p, 0, PROT_READ), 0);
	CHECK_EQ(mprotect((void *)UNMAPPED, 0, PROT_READ), 0);
	CHECK_ERR(mprotect(p, -PAGE_SIZE, PROT_READ), ENOMEM);	/* wraps */
	CHECK_ERR(mprotect(p, -1UL, PROT_READ), ENOMEM);	/* rounds to 0 */
	CHECK_ERR(mprotect((void *)USER_END, PAGE_SIZE, PROT_READ), ENOMEM);
	CHECK_ERR(mprotect((void *)CANONICAL_END, PAGE_SIZE, PROT_READ), ENOMEM);
	CHECK_ERR(mprotect((void *)KERNEL_ADDR, PAGE_SIZE, PROT_READ), ENOMEM);
	CHECK_ERR(mprotect((void *)UNMAPPED, PAGE_SIZE, PROT_READ), ENOMEM);
	CHECK_EQ(mprotect(p, 2 * PAGE_SIZE, PROT_READ), 0);
	return test_result();
}
