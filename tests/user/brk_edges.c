/*
 * brk asked to move the break somewhere it cannot go: past the end of
 * user space, or so high that rounding it up to a page wraps around to
 * zero.  Linux refuses by returning the break unchanged; the process
 * must keep running with its memory as it was.  A kernel that rounded
 * first and compared after took the wrapped end for a shrink below the
 * program itself, and unmapped its code and data.
 *
 * brk is made with the syscall instruction itself: the C library keeps a
 * break of its own.
 */
#include <stdint.h>
#include <sys/syscall.h>
#include "check.h"

#define WRAPS_TO_ZERO	0xfffffffffffff001UL	/* rounds up to 0 */
#define USER_END	0x0000800000000000UL
#define SEED		0x71

static unsigned char data[PAGE_SIZE];	/* in the program's data */

static long raw_brk(unsigned long addr)
{
	return raw_syscall3(SYS_brk, addr, 0, 0);
}

int main(void)
{
	static const unsigned long beyond[] = {
		WRAPS_TO_ZERO, USER_END, (unsigned long)-1,
	};
	long start = raw_brk(0);

	fill_pattern(data, sizeof(data), SEED);
	for (size_t i = 0; i < sizeof(beyond) / sizeof(beyond[0]); i++)
		CHECK_EQ(raw_brk(beyond[i]), start);
	CHECK(holds_pattern(data, sizeof(data), SEED));
	CHECK_EQ(raw_brk(0), start);
	return test_result();
}
