/*
 * getrandom into a buffer that runs into memory it may not write: Linux
 * fills what it can up to the first byte it cannot, and returns that
 * count; only when not one byte could be written does it give EFAULT.
 */
#include <sys/mman.h>
#include <sys/random.h>
#include "check.h"

#define BEFORE_END	96	/* bytes of a buffer left before PROT_NONE */
#define PAST_END	104	/* ... and past it */

int main(void)
{
	char *p = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = p + PAGE_SIZE;

	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return test_result();
	CHECK_EQ(mprotect(end, PAGE_SIZE, PROT_NONE), 0);
	CHECK_EQ(getrandom(p, 2 * PAGE_SIZE, 0), PAGE_SIZE);
	CHECK_EQ(getrandom(end - BEFORE_END, BEFORE_END + PAST_END, 0),
		 BEFORE_END);
	CHECK_EQ(getrandom(end - 1, 2, 0), 1);
	CHECK_ERR(getrandom(end, 1, 0), EFAULT);		/* not one byte */
	CHECK_ERR(getrandom(end + PAGE_SIZE - 1, 1, 0), EFAULT);
	return test_result();
}
