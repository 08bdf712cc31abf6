/* File descriptor I/O: each function is one system call. */
#include <stdarg.h>
#include <termios.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include "syscall.h"

ssize_t read(int fd, void *buf, size_t n)
{
	return __sysret(SYSCALL(SYS_read, fd, buf, n));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return __sysret(SYSCALL(SYS_write, fd, buf, n));
}

int close(int fd)
{
	return __sysret(SYSCALL(SYS_close, fd));
}

off_t lseek(int fd, off_t off, int whence)
{
	return __sysret(SYSCALL(SYS_lseek, fd, off, whence));
}

int dup(int fd)
{
	return __sysret(SYSCALL(SYS_dup, fd));
}

int dup2(int fd, int to)
{
	return __sysret(SYSCALL(SYS_dup2, fd, to));
}

int dup3(int fd, int to, int flags)
{
	return __sysret(SYSCALL(SYS_dup3, fd, to, flags));
}

int pipe(int fds[2])
{
	return __sysret(SYSCALL(SYS_pipe, fds));
}

int pipe2(int fds[2], int flags)
{
	return __sysret(SYSCALL(SYS_pipe2, fds, flags));
}

/* Every command forklab knows takes an int or nothing as its argument. */
int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	int arg;

	va_start(ap, cmd);
	arg = va_arg(ap, int);
	va_end(ap);
	return __sysret(SYSCALL(SYS_fcntl, fd, cmd, arg));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return __sysret(SYSCALL(SYS_ioctl, fd, request, arg));
}

/* Only a terminal answers TCGETS. */
int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}
