/*
 * System calls that change what an inode records about a file: its mode
 * (chmod), its owner (chown), its size (truncate) and its times
 * (utimensat), each by path or by descriptor.  The root image is
 * read-only (EROFS) and /proc's files change by none of them; a pipe or
 * the console has no inode, and so nothing to change.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/sys_fs.h"
#include "kernel/vfs.h"
#include "kernel/namei.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "kernel/uapi.h"
#include "mm/heap.h"
#include "mm/uaccess.h"

#define ROOT_ID         0               /* root's uid and gid */
#define ID_UNCHANGED    0xffffffffu     /* chown's -1: keep this id */

/* Why inode i (of walk w, or of a descriptor: w NULL) cannot change. */
static long change_check(const struct walk *w, struct inode *i)
{
	if ((w && is_proc(w)) || !i)
		return -EPERM;
	if (i->dev == DEV_ROOT)
		return -EROFS;
	return 0;
}

static long chmod_inode(const struct walk *w, struct inode *i, uint32_t mode)
{
	long err = change_check(w, i);

	if (err)
		return err;
	i->mode = (i->mode & S_IFMT) | (mode & PERM_BITS);
	inode_touch(i, INODE_CTIME);
	return 0;
}

long sys_fchmodat(uint64_t dirfd, uint64_t upath, uint64_t mode, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct walk w;
	long err;

	(void)a3, (void)a4, (void)a5;
	if ((err = walk_user((int)dirfd, upath, 0, &w)) < 0)
		return err;
	err = chmod_inode(&w, w.inode, mode);
	walk_done(&w);
	return err;
}

long sys_chmod(uint64_t upath, uint64_t mode, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_fchmodat((uint64_t)AT_FDCWD, upath, mode, 0, 0, 0);
}

long sys_fchmod(uint64_t fd, uint64_t mode, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file((int)fd);

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!file_inode(f))
		return 0;                       /* a pipe's or the console's mode: none kept */
	return chmod_inode(NULL, file_inode(f), mode);
}

/* Every file is root's and root is the only user, so no owner is kept:
 * chown may give a file to root (0) or leave an id as it is (-1).  Any
 * other id is one forklab cannot record: EINVAL, as Linux answers for an
 * id its user namespace cannot map, after the same checks as chmod. */
static long chown_inode(const struct walk *w, struct inode *i, uint32_t uid, uint32_t gid)
{
	long err = change_check(w, i);

	if (err)
		return err;
	if ((uid != ROOT_ID && uid != ID_UNCHANGED) || (gid != ROOT_ID && gid != ID_UNCHANGED))
		return -EINVAL;
	inode_touch(i, INODE_CTIME);
	return 0;
}

long sys_fchown(uint64_t fd, uint64_t uid, uint64_t gid, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file((int)fd);

	(void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!file_inode(f))
		return 0;                       /* a pipe's or the console's owner: none kept */
	return chown_inode(NULL, file_inode(f), (uint32_t)uid, (uint32_t)gid);
}

/* An empty path with AT_EMPTY_PATH names dirfd's own file. */
long sys_fchownat(uint64_t dirfd, uint64_t upath, uint64_t uid, uint64_t gid, uint64_t flags, uint64_t a5)
{
	struct walk w;
	char *path;
	long err;

	(void)a5;
	if ((int)flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(path = path_in(upath, &err)))
		return err;
	if (!path[0] && ((int)flags & AT_EMPTY_PATH) && (int)dirfd == AT_FDCWD)
		strcpy(path, ".");              /* the working directory itself */
	if (!path[0] && ((int)flags & AT_EMPTY_PATH)) {
		err = sys_fchown(dirfd, uid, gid, 0, 0, 0);
	} else if ((err = walk_path((int)dirfd, path,
				    (int)flags & AT_SYMLINK_NOFOLLOW ? WALK_NOFOLLOW : 0, &w)) == 0) {
		err = chown_inode(&w, w.inode, (uint32_t)uid, (uint32_t)gid);
		walk_done(&w);
	}
	kfree(path);
	return err;
}

long sys_chown(uint64_t upath, uint64_t uid, uint64_t gid, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	return sys_fchownat((uint64_t)AT_FDCWD, upath, uid, gid, 0, 0);
}

long sys_lchown(uint64_t upath, uint64_t uid, uint64_t gid, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	return sys_fchownat((uint64_t)AT_FDCWD, upath, uid, gid, AT_SYMLINK_NOFOLLOW, 0);
}

static long truncate_inode(struct inode *i, int64_t len)
{
	if (len < 0)
		return -EINVAL;
	if (inode_is_dir(i))
		return -EISDIR;
	if (i->dev == DEV_ROOT)
		return -EROFS;
	if (!inode_is_reg(i) || !i->ops->truncate)
		return -EINVAL;
	return i->ops->truncate(i, len);
}

long sys_truncate(uint64_t upath, uint64_t len, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct walk w;
	long err;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if ((err = walk_user(AT_FDCWD, upath, 0, &w)) < 0)
		return err;
	err = is_proc(&w) ? -EACCES : truncate_inode(w.inode, (int64_t)len);
	walk_done(&w);
	return err;
}

long sys_ftruncate(uint64_t fd, uint64_t len, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file((int)fd);

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!file_inode(f) || (f->flags & O_ACCMODE) == O_RDONLY || inode_is_dir(file_inode(f)))
		return -EINVAL;
	return truncate_inode(file_inode(f), (int64_t)len);
}

/* A time of utimensat: 0 and *ns (now, or unchanged: *omit), or -EINVAL. */
static long utime_of(const struct timespec *t, uint64_t *ns, int *omit)
{
	*omit = t && t->nsec == UTIME_OMIT;
	if (!t || t->nsec == UTIME_NOW) {
		*ns = realtime_ns();
		return 0;
	}
	if (*omit)
		return 0;
	if (!timespec_valid(t))
		return -EINVAL;
	*ns = timespec_ns(t);
	return 0;
}

static long set_times(struct inode *i, const struct timespec *t)
{
	uint64_t atime, mtime;
	int aomit, momit;

	if (utime_of(t, &atime, &aomit) < 0 || utime_of(t ? t + 1 : NULL, &mtime, &momit) < 0)
		return -EINVAL;
	if (aomit && momit)
		return 0;
	if (i->dev == DEV_ROOT)
		return -EROFS;
	if (!aomit)
		i->atime = atime;
	if (!momit)
		i->mtime = mtime;
	inode_touch(i, INODE_CTIME);
	return 0;
}

/* A NULL path changes dirfd's file, as in Linux. */
long sys_utimensat(uint64_t dirfd, uint64_t upath, uint64_t utimes, uint64_t flags, uint64_t a4, uint64_t a5)
{
	struct timespec t[2];
	struct file *f;
	struct walk w;
	long err;

	(void)a4, (void)a5;
	if ((int)flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (utimes && copy_from_user(t, (void *)utimes, sizeof(t)) < 0)
		return -EFAULT;
	if (!upath) {
		f = fd_file((int)dirfd);
		if (!f)
			return -EBADF;
		return file_inode(f) ? set_times(file_inode(f), utimes ? t : NULL) : -EPERM;
	}
	err = walk_user((int)dirfd, upath, (int)flags & AT_SYMLINK_NOFOLLOW ? WALK_NOFOLLOW : 0, &w);
	if (err < 0)
		return err;
	err = is_proc(&w) ? -EPERM : set_times(w.inode, utimes ? t : NULL);
	walk_done(&w);
	return err;
}
