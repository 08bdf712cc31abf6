/*
 * writev reads its whole iovec array before it writes anything, as Linux
 * does: an array whose second entry lies in memory it may not read fails
 * with EFAULT, and the first entry's bytes are not written.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "check.h"

#ifndef SYS_writev
#define SYS_writev	20
#endif
#ifndef SYS_pipe2
#define SYS_pipe2	293
#endif

struct iov {			/* struct iovec, which forklab's libc lacks */
	const void *base;
	size_t len;
};

int main(void)
{
	char *p = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct iov *last = (struct iov *)(p + PAGE_SIZE) - 1;
	int fds[2];
	char c;

	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return test_result();
	CHECK_EQ(mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0);
	CHECK_EQ(raw_syscall3(SYS_pipe2, (unsigned long)fds, O_NONBLOCK, 0), 0);
	*last = (struct iov){ "ab", 2 };
	CHECK_EQ(raw_syscall3(SYS_writev, fds[1], (unsigned long)last, 2), -EFAULT);
	CHECK_ERR(read(fds[0], &c, 1), EAGAIN);		/* nothing written */
	CHECK_EQ(raw_syscall3(SYS_writev, fds[1], (unsigned long)last, 1), 2);
	CHECK_EQ(read(fds[0], &c, 1), 1);
	return test_result();
}
