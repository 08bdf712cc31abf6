/* errno, and the step from a raw system call result to C's convention. */
#include <errno.h>
#include "syscall.h"

int errno;

long __sysret(long ret)
{
	if (ret < 0 && ret >= -MAX_ERRNO) {
		errno = -ret;
		return -1;
	}
	return ret;
}
