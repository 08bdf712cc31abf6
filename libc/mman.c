/* Memory: mappings, and the program break (the end of the data segment). */
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>
#include "syscall.h"

static char *cur_brk;		/* what the kernel last said the break was */

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (void *)__sysret(SYSCALL(SYS_mmap, addr, len, prot, flags, fd, off));
}

int munmap(void *addr, size_t len)
{
	return __sysret(SYSCALL(SYS_munmap, addr, len));
}

int mprotect(void *addr, size_t len, int prot)
{
	return __sysret(SYSCALL(SYS_mprotect, addr, len, prot));
}

/* The system call answers with the break, moved or not: it never fails. */
int brk(void *addr)
{
	cur_brk = (char *)SYSCALL(SYS_brk, addr);
	if (cur_brk != addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t inc)
{
	char *old;

	if (!cur_brk)
		cur_brk = (char *)SYSCALL(SYS_brk, 0);
	old = cur_brk;
	if (inc && brk(old + inc) < 0)
		return (void *)-1;
	return old;
}

int madvise(void *addr, size_t len, int advice)
{
	return __sysret(SYSCALL(SYS_madvise, addr, len, advice));
}

int msync(void *addr, size_t len, int flags)
{
	return __sysret(SYSCALL(SYS_msync, addr, len, flags));
}
