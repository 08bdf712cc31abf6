/*
 * File system calls: descriptors and what is read and written through
 * them.  Paths are walked by kernel/sys_fs.c's fs_open and fs_stat.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/pipe.h"
#include "kernel/sys_fs.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
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
	struct timespec atime, mtime, ctime;
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

int fd_install_from(struct file *f, int cloexec, int low)
{
	for (int fd = low; fd < NOFILE; fd++) {
		if (current->fdt->file[fd])
			continue;
		fdtable_set(current->fdt, fd, f);
		fd_set_cloexec(fd, cloexec);
		return fd;
	}
	return -EMFILE;
}

int fd_install(struct file *f, int cloexec)
{
	return fd_install_from(f, cloexec, 0);
}

int fd_cloexec(int fd)
{
	return (current->fdt->cloexec >> fd) & 1;
}

void fd_set_cloexec(int fd, int cloexec)
{
	current->fdt->cloexec &= ~(1UL << fd);
	current->fdt->cloexec |= (uint64_t)!!cloexec << fd;
}

/* Makes to name fd's file, closing what to named (dup2, dup3). */
int fd_dup_to(int fd, int to, int cloexec)
{
	struct file *f = fd_file(fd);

	file_get(f);
	if (current->fdt->file[to])
		file_put(current->fdt->file[to]);
	fdtable_set(current->fdt, to, f);
	fd_set_cloexec(to, cloexec);
	return to;
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

/* readv and writev: the whole array is checked before a byte moves, then
 * each piece is one read or write (`one`), up to the first short one. */
static long iov_each(uint64_t fd, uint64_t uiov, uint64_t cnt, syscall_fn one)
{
	long total = 0;

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
		r = one(fd, v.base, v.len, 0, 0, 0);
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((uint64_t)r < v.len)
			break;
	}
	return total;
}

/* The descriptor is checked first, as in Linux: a bad one gives EBADF
 * even when there is nothing to write. */
long sys_writev(uint64_t fd, uint64_t uiov, uint64_t cnt, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	if (!fd_writable(fd))
		return -EBADF;
	return iov_each(fd, uiov, cnt, sys_write);
}

long sys_openat(uint64_t dirfd, uint64_t upath, uint64_t flags, uint64_t mode, uint64_t a4, uint64_t a5)
{
	char path[PATH_MAX];
	long err = strncpy_from_user(path, (const char *)upath, sizeof(path));
	struct file *f;
	int fd;

	(void)a4, (void)a5;
	if (err < 0)
		return err;
	f = fs_open((int)dirfd, path, (int)flags, mode, &err);
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

static long put_kstat(const struct kstat *ks, uint64_t ustat)
{
	struct linux_stat st = { 0 };

	st.dev = ks->dev;
	st.ino = ks->ino;
	st.nlink = ks->nlink;
	st.mode = ks->mode;
	st.rdev = ks->rdev;
	st.size = ks->size;
	st.blksize = STAT_BLKSIZE;
	st.blocks = ks->blocks ? ks->blocks : (ks->size + STAT_BLOCK - 1) / STAT_BLOCK;
	st.atime = ns_timespec(ks->atime);
	st.mtime = ns_timespec(ks->mtime);
	st.ctime = ns_timespec(ks->ctime);
	return copy_to_user((void *)ustat, &st, sizeof(st));
}

static long put_stat(struct file *f, uint64_t ustat)
{
	struct kstat ks = { 0 };

	f->ops->stat(f, &ks);
	return put_kstat(&ks, ustat);
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
long sys_newfstatat(uint64_t dirfd, uint64_t upath, uint64_t ustat, uint64_t uflags, uint64_t a4, uint64_t a5)
{
	int flags = (int)uflags;
	struct kstat ks = { 0 };
	char path[PATH_MAX];
	long err;

	(void)a4, (void)a5;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	err = strncpy_from_user(path, (const char *)upath, sizeof(path));
	if (err < 0)
		return err;
	if ((flags & AT_EMPTY_PATH) && path[0] == '\0' && (int)dirfd == AT_FDCWD)
		strcpy(path, ".");              /* the working directory itself */
	if ((flags & AT_EMPTY_PATH) && path[0] == '\0')
		return sys_fstat(dirfd, ustat, 0, 0, 0, 0);
	err = fs_stat((int)dirfd, path, flags & AT_SYMLINK_NOFOLLOW, &ks);
	return err < 0 ? err : put_kstat(&ks, ustat);
}

long sys_stat(uint64_t upath, uint64_t ustat, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_newfstatat((uint64_t)AT_FDCWD, upath, ustat, 0, 0, 0);
}

long sys_lstat(uint64_t upath, uint64_t ustat, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_newfstatat((uint64_t)AT_FDCWD, upath, ustat, AT_SYMLINK_NOFOLLOW, 0, 0);
}

/* The size now: another descriptor may have grown the file. */
static uint64_t file_size(struct file *f)
{
	struct kstat ks = { 0 };

	if (!f->ops->stat)
		return f->size;
	f->ops->stat(f, &ks);
	return ks.size;
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
		base = file_size(f);
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
	return fd_dup_to(fd, to, 0);
}

long sys_ioctl(uint64_t fd, uint64_t req, uint64_t arg, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file(fd);

	(void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	return f->ops->ioctl ? f->ops->ioctl(f, (unsigned int)req, arg) : -ENOTTY;
}

/* The file fd names if it can be read, else NULL (EBADF). */
static struct file *fd_readable(int fd)
{
	struct file *f = fd_file(fd);

	return f && (f->flags & O_ACCMODE) != O_WRONLY ? f : NULL;
}

long sys_pread64(uint64_t fd, uint64_t buf, uint64_t n, uint64_t pos, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_readable((int)fd);

	(void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!f->ops->pread)
		return -ESPIPE;
	if ((int64_t)pos < 0)
		return -EINVAL;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	return f->ops->pread(f, (char *)buf, n, pos);
}

long sys_pwrite64(uint64_t fd, uint64_t buf, uint64_t n, uint64_t pos, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_writable((int)fd);

	(void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!f->ops->pwrite)
		return -ESPIPE;
	if ((int64_t)pos < 0)
		return -EINVAL;
	if (!user_range_ok(buf, n))
		return -EFAULT;
	return f->ops->pwrite(f, (const char *)buf, n, pos);
}

long sys_readv(uint64_t fd, uint64_t uiov, uint64_t cnt, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	if (!fd_readable(fd))
		return -EBADF;
	return iov_each(fd, uiov, cnt, sys_read);
}
