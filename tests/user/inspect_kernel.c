/*
 * prctl(PR_INSPECT) shows how the caller maps one of its own addresses.
 * Asked about a kernel or non-canonical address, it must say nothing: it
 * fails with EINVAL and leaves the buffer alone.  A kernel that walked
 * its own half of the page tables for it told any process the physical
 * frames of the kernel's page tables and stacks.
 *
 * On Linux, PR_INSPECT is no option at all, and fails with EINVAL too.
 */
#include <stdint.h>
#include <sys/prctl.h>
#include <forklab.h>
#include "check.h"

#define KERNEL_TEXT	0xffffffff80100000UL	/* the kernel image */
#define KERNEL_STACKS	0xffffff0000000000UL	/* where forklab has them */
#define NONCANONICAL	0x0000800000000000UL

int main(void)
{
	static const unsigned long addrs[] = {
		KERNEL_TEXT, KERNEL_STACKS, NONCANONICAL,
	};
	struct forklab_inspect in;

	for (size_t i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		memset(&in, 0, sizeof(in));
		CHECK_ERR(prctl(PR_INSPECT, addrs[i], (unsigned long)&in, 0UL,
				0UL), EINVAL);
		CHECK_EQ(in.table, 0);
		CHECK_EQ(in.page, 0);
	}
	return test_result();
}
