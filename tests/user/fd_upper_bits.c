/*
 * A file descriptor is an int: Linux reads only the low half of the
 * register it comes in, so junk in the upper half must change nothing.
 * close, read, write and dup2 are made with the syscall instruction itself, with
 * a bit set above the descriptor.  A kernel that checked the descriptor
 * as an int but indexed its table with the whole register wrote far
 * outside the table and crashed.
 */
#include <sys/syscall.h>
#include "check.h"

#define UPPER_BIT	(1UL << 32)
#define SPARE_FD	9	/* free in a test: dup2's target */

int main(void)
{
	int fds[2];
	char c = 'x', got = 0;

	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(raw_syscall3(SYS_write, UPPER_BIT | fds[1], (unsigned long)&c,
			      1), 1);
	CHECK_EQ(raw_syscall3(SYS_read, UPPER_BIT | fds[0],
			      (unsigned long)&got, 1), 1);
	CHECK_EQ(got, c);
	CHECK_EQ(raw_syscall3(SYS_dup2, UPPER_BIT | fds[0], UPPER_BIT | SPARE_FD,
			      0), SPARE_FD);
	CHECK_EQ(close(SPARE_FD), 0);
	CHECK_EQ(raw_syscall3(SYS_close, UPPER_BIT | fds[1], 0, 0), 0);
	CHECK_ERR(close(fds[1]), EBADF);	/* that was the one closed */
	CHECK_EQ(read(fds[0], &got, 1), 0);	/* and no writer is left */
	CHECK_EQ(close(fds[0]), 0);
	return test_result();
}
