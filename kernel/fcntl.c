/*
 * Descriptor flags and duplication: fcntl and dup3.
 *
 * A descriptor has one flag of its own, close-on-exec, kept by the process
 * (kernel/sys_file.c's fd helpers).  The status flags F_GETFL reports are
 * the open file's (struct file's flags), so F_SETFL's O_NONBLOCK is seen
 * through every descriptor, in every process, that shares the file.
 */
#include "kernel/syscall.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"

#define GETFL_FLAGS     (O_ACCMODE | O_APPEND | O_NONBLOCK)
#define SETFL_FLAGS     (O_APPEND | O_NONBLOCK)         /* the rest are fixed at open */

/* The lowest free descriptor at least low, for f: F_DUPFD.  Linux reads
 * low as an unsigned int, so a negative one is past every limit. */
static long dup_from(struct file *f, uint64_t ulow, int cloexec)
{
	unsigned int low = (unsigned int)ulow;
	int fd;

	if (low >= NOFILE)
		return -EINVAL;
	fd = fd_install_from(f, cloexec, low);
	if (fd >= 0)
		file_get(f);
	return fd;
}

static void set_status(struct file *f, int flags)
{
	f->flags = (f->flags & ~SETFL_FLAGS) | (flags & SETFL_FLAGS);
}

/* Other commands (locks, owners, leases, pipe sizes) give EINVAL, as
 * commands a Linux kernel does not know do. */
long sys_fcntl(uint64_t ufd, uint64_t ucmd, uint64_t arg, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int fd = (int)ufd;
	struct file *f = fd_file(fd);

	(void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	switch ((unsigned int)ucmd) {
	case F_DUPFD:
		return dup_from(f, arg, 0);
	case F_DUPFD_CLOEXEC:
		return dup_from(f, arg, 1);
	case F_GETFD:
		return fd_cloexec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		fd_set_cloexec(fd, (int)arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->flags & GETFL_FLAGS;
	case F_SETFL:
		set_status(f, (int)arg);
		return 0;
	}
	return -EINVAL;
}

/* dup2 with flags; unlike dup2, naming the same descriptor twice is an
 * error (EINVAL), checked before the descriptors are, as in Linux. */
long sys_dup3(uint64_t ufd, uint64_t uto, uint64_t uflags, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int fd = (int)ufd, flags = (int)uflags;
	unsigned int to = (unsigned int)uto;

	(void)a3, (void)a4, (void)a5;
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if ((unsigned int)fd == to)
		return -EINVAL;
	if (to >= NOFILE || !fd_file(fd))
		return -EBADF;
	return fd_dup_to(fd, to, flags & O_CLOEXEC);
}
