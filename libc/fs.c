/* Files by name: opening, status, removal, the working directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>
#include <sys/stat.h>
#include "syscall.h"

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = flags & O_CREAT ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	return __sysret(SYSCALL(SYS_openat, dirfd, path, flags, mode));
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = flags & O_CREAT ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	return openat(AT_FDCWD, path, flags, mode);
}

int fstat(int fd, struct stat *st)
{
	return __sysret(SYSCALL(SYS_fstat, fd, st));
}

int stat(const char *path, struct stat *st)
{
	return __sysret(SYSCALL(SYS_newfstatat, AT_FDCWD, path, st, 0));
}

int unlink(const char *path)
{
	return __sysret(SYSCALL(SYS_unlinkat, AT_FDCWD, path, 0));
}

/* The system call returns the length; we return the buffer. */
char *getcwd(char *buf, size_t size)
{
	if (!buf) {
		errno = EINVAL;
		return NULL;
	}
	return __sysret(SYSCALL(SYS_getcwd, buf, size)) < 0 ? NULL : buf;
}

int chdir(const char *path)
{
	return __sysret(SYSCALL(SYS_chdir, path));
}
