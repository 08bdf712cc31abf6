/* File descriptor I/O: each function is one system call. */
#include <stdarg.h>
#include <termios.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
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

ssize_t pread(int fd, void *buf, size_t n, off_t pos)
{
	return __sysret(SYSCALL(SYS_pread64, fd, buf, n, pos));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t pos)
{
	return __sysret(SYSCALL(SYS_pwrite64, fd, buf, n, pos));
}

ssize_t readv(int fd, const struct iovec *iov, int cnt)
{
	return __sysret(SYSCALL(SYS_readv, fd, iov, cnt));
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	return __sysret(SYSCALL(SYS_writev, fd, iov, cnt));
}

int ftruncate(int fd, off_t len)
{
	return __sysret(SYSCALL(SYS_ftruncate, fd, len));
}

int fsync(int fd)
{
	return __sysret(SYSCALL(SYS_fsync, fd));
}

int fdatasync(int fd)
{
	return __sysret(SYSCALL(SYS_fdatasync, fd));
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
