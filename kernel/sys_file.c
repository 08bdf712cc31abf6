/*
 * File system calls: descriptors and what is read and written through
 * them.  Paths name files of the root image, or of /proc (kernel/procfs.c).
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/pipe.h"
#include "kernel/procfs.h"
#include "kernel/initramfs.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/uaccess.h"

#define STAT_BLKSIZE    4096
#define STAT_BLOCK      512

/* struct stat as Linux x86-64 lays it out. */
struct linux_stat {
	uint64_t dev, ino, nlink;
	uint32_t mode, uid, gid, pad0;
	uint64_t rdev;
	int64_t size, blksize, blocks;
	int64_t times[6];
	int64_t unused[3];
};

struct iovec {
	uint64_t base, len;
};

struct file *fd_file(int fd)
{
	if (fd < 0 || fd >= NOFILE)
		return NULL;
	return current->fdt->file[fd];
}

static int fd_install_from(struct file *f, int cloexec, int low)
{
	for (int fd = low; fd < NOFILE; fd++) {
		if (current->fdt->file[fd])
			continue;
		current->fdt->file[fd] = f;
		current->fdt->cloexec &= ~(1UL << fd);
		current->fdt->cloexec |= (uint64_t)!!cloexec << fd;
		return fd;
	}
	return -EMFILE;
}

int fd_install(struct file *f, int cloexec)
{
	return fd_install_from(f, cloexec, 0);
}

long sys_read(uint64_t fd, uint64_t buf, uint64_t n, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file(fd);

	(void)a3, (void)a4, (void)a5;
	if (!f || (f->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!f->ops->read)
		return -EINVAL;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	return f->ops->read(f, (char *)buf, n);
}

/* The file fd names if it can be written, else NULL (EBADF). */
static struct file *fd_writable(int fd)
{
	struct file *f = fd_file(fd);

	if (!f || (f->flags & O_ACCMODE) == O_RDONLY || !f->ops->write)
		return NULL;
	return f;
}

long sys_write(uint64_t fd, uint64_t buf, uint64_t n, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_writable(fd);

	(void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	return f->ops->write(f, (const char *)buf, n);
}

/* Whether all cnt entries of the iovec array at uiov can be read: Linux
 * reads the whole array before it writes a byte. */
static int iov_readable(uint64_t uiov, uint64_t cnt)
{
	struct iovec v;

	for (uint64_t i = 0; i < cnt; i++)
		if (copy_from_user(&v, (struct iovec *)uiov + i, sizeof(v)) < 0)
			return 0;
	return 1;
}

/* The descriptor is checked first, as in Linux: a bad one gives EBADF
 * even when there is nothing to write. */
long sys_writev(uint64_t fd, uint64_t uiov, uint64_t cnt, uint64_t a3, uint64_t a4, uint64_t a5)
{
	long total = 0;

	(void)a3, (void)a4, (void)a5;
	if (!fd_writable(fd))
		return -EBADF;
	if (cnt > IOV_MAX)
		return -EINVAL;
	if (!iov_readable(uiov, cnt))
		return -EFAULT;
	for (uint64_t i = 0; i < cnt; i++) {
		struct iovec v;
		long r;

		if (copy_from_user(&v, (struct iovec *)uiov + i, sizeof(v)) < 0)
			return total ? total : -EFAULT;
		if (!v.len)
			continue;
		r = sys_write(fd, v.base, v.len, 0, 0, 0);
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((uint64_t)r < v.len)
			break;
	}
	return total;
}

static struct file *open_path(const char *path, int flags, long *err)
{
	if (procfs_owns(path))
		return procfs_open(path, flags, err);
	return initramfs_open(path, flags, err);
}

long sys_openat(uint64_t dirfd, uint64_t upath, uint64_t flags, uint64_t mode, uint64_t a4, uint64_t a5)
{
	char path[PATH_MAX];
	long err = strncpy_from_user(path, (const char *)upath, sizeof(path));
	struct file *f;
	int fd;

	(void)mode, (void)a4, (void)a5;
	if (err < 0)
		return err;
	if ((int)dirfd != AT_FDCWD && path[0] != '/')
		return -EBADF;                  /* only the root directory exists */
	f = open_path(path, flags, &err);
	if (!f)
		return err;
	fd = fd_install(f, flags & O_CLOEXEC);
	if (fd < 0)
		file_put(f);
	return fd;
}

long sys_open(uint64_t upath, uint64_t flags, uint64_t mode, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	return sys_openat((uint64_t)AT_FDCWD, upath, flags, mode, 0, 0);
}

/* Linux reads the descriptor as an int: the upper half of the register
 * is ignored, so it must not reach the index either. */
long sys_close(uint64_t ufd, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int fd = (int)ufd;
	struct file *f = fd_file(fd);

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	current->fdt->file[fd] = NULL;
	file_put(f);
	return 0;
}

static long put_stat(struct file *f, uint64_t ustat)
{
	struct kstat ks = { 0 };
	struct linux_stat st = { 0 };

	f->ops->stat(f, &ks);
	st.ino = ks.ino;
	st.nlink = ks.nlink;
	st.mode = ks.mode;
	st.size = ks.size;
	st.blksize = STAT_BLKSIZE;
	st.blocks = (ks.size + STAT_BLOCK - 1) / STAT_BLOCK;
	return copy_to_user((void *)ustat, &st, sizeof(st));
}

long sys_fstat(uint64_t fd, uint64_t ustat, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file(fd);

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	return put_stat(f, ustat);
}

/* An empty path with AT_EMPTY_PATH names dirfd itself: glibc's fstat. */
long sys_newfstatat(uint64_t dirfd, uint64_t upath, uint64_t ustat, uint64_t flags, uint64_t a4, uint64_t a5)
{
	char first;
	long fd, r;

	(void)a4, (void)a5;
	if (((int)flags & AT_EMPTY_PATH) && copy_from_user(&first, (void *)upath, 1) == 0 &&
	    first == '\0')
		return sys_fstat(dirfd, ustat, 0, 0, 0, 0);
	fd = sys_openat(dirfd, upath, O_RDONLY, 0, 0, 0);
	if (fd < 0)
		return fd;
	r = sys_fstat(fd, ustat, 0, 0, 0, 0);
	sys_close(fd, 0, 0, 0, 0, 0);
	return r;
}

long sys_stat(uint64_t upath, uint64_t ustat, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_newfstatat((uint64_t)AT_FDCWD, upath, ustat, 0, 0, 0);
}

long sys_lseek(uint64_t fd, uint64_t off, uint64_t uwhence, uint64_t a3, uint64_t a4, uint64_t a5)
{
	unsigned int whence = (unsigned int)uwhence;    /* an unsigned int in Linux */
	struct file *f = fd_file(fd);
	int64_t base, pos;

	(void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!f->ops->seekable)
		return -ESPIPE;
	if (whence == SEEK_SET)
		base = 0;
	else if (whence == SEEK_CUR)
		base = f->pos;
	else if (whence == SEEK_END)
		base = f->size;
	else
		return -EINVAL;
	pos = base + (int64_t)off;
	if (pos < 0)
		return -EINVAL;
	f->pos = pos;
	return pos;
}

long sys_getdents64(uint64_t fd, uint64_t buf, uint64_t n, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file(fd);

	(void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!f->ops->getdents)
		return -ENOTDIR;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	return f->ops->getdents(f, (char *)buf, n);
}

long sys_pipe2(uint64_t ufds, uint64_t uflags, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int flags = (int)uflags;
	struct file *ends[2];
	int fds[2];
	long err;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = pipe_create(ends);
	if (err < 0)
		return err;
	ends[0]->flags |= flags & O_NONBLOCK;
	ends[1]->flags |= flags & O_NONBLOCK;
	fds[0] = fd_install(ends[0], flags & O_CLOEXEC);
	fds[1] = fds[0] < 0 ? -EMFILE : fd_install(ends[1], flags & O_CLOEXEC);
	if (fds[1] >= 0 && copy_to_user((void *)ufds, fds, sizeof(fds)) == 0)
		return 0;
	err = fds[1] < 0 ? -EMFILE : -EFAULT;
	for (int i = 0; i < 2; i++) {
		if (fds[i] >= 0)
			current->fdt->file[fds[i]] = NULL;
		file_put(ends[i]);
	}
	return err;
}

long sys_pipe(uint64_t ufds, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return sys_pipe2(ufds, 0, 0, 0, 0, 0);
}

long sys_dup(uint64_t fd, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file(fd);
	int nfd;

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	nfd = fd_install(f, 0);
	if (nfd >= 0)
		file_get(f);
	return nfd;
}

long sys_dup2(uint64_t fd, uint64_t nfd, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file(fd);
	int to = (int)nfd;                      /* descriptors are ints, as in Linux */

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (!f || to < 0 || to >= NOFILE)
		return -EBADF;
	if ((int)fd == to)
		return to;
	file_get(f);
	if (current->fdt->file[to])
		file_put(current->fdt->file[to]);
	current->fdt->file[to] = f;
	current->fdt->cloexec &= ~(1UL << to);
	return to;
}

long sys_ioctl(uint64_t fd, uint64_t req, uint64_t arg, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)req, (void)arg, (void)a3, (void)a4, (void)a5;
	return fd_file(fd) ? -ENOTTY : -EBADF;  /* no terminal control in forklab */
}

long sys_getcwd(uint64_t ubuf, uint64_t size, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	static const char root[] = "/";

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (size < sizeof(root))
		return -ERANGE;
	if (copy_to_user((void *)ubuf, root, sizeof(root)) < 0)
		return -EFAULT;
	return sizeof(root);
}
