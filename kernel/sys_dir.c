/*
 * System calls that change the names in directories: mkdir, unlink,
 * rmdir, rename, link, symlink.  Each walks to the parent of the name it
 * makes or removes (WALK_PARENT), makes Linux's checks in Linux's order,
 * then asks the parent directory's op; a file system without the op is
 * read-only (EROFS), and /proc's names change by none of them.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/sys_fs.h"
#include "kernel/vfs.h"
#include "kernel/namei.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/heap.h"

#define DIR_PERM_BITS   01777           /* mkdir's: no setuid or setgid on a directory */

static int is_dots(const struct walk *w)
{
	return !strcmp(w->last, ".") || !strcmp(w->last, "..");
}

long sys_mkdirat(uint64_t dirfd, uint64_t upath, uint64_t mode, uint64_t a3, uint64_t a4, uint64_t a5)
{
	long err;
	char *path = path_in(upath, &err);
	struct inode *made;
	struct walk w;

	(void)a3, (void)a4, (void)a5;
	if (!path)
		return err;
	err = walk_path((int)dirfd, path, WALK_PARENT | WALK_NOFOLLOW, &w);
	kfree(path);
	if (err < 0)
		return err;
	if (is_proc(&w))
		err = -EACCES;
	else if (w.inode || w.lastlen == 0)
		err = -EEXIST;
	else if (!w.dir->ops->create)
		err = -EROFS;
	else
		err = w.dir->ops->create(w.dir, w.last, w.lastlen,
					 S_IFDIR | (mode & DIR_PERM_BITS & ~current_fs()->umask), &made);
	walk_done(&w);
	return err;
}

long sys_mkdir(uint64_t upath, uint64_t mode, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_mkdirat((uint64_t)AT_FDCWD, upath, mode, 0, 0, 0);
}

/* Why name w cannot be removed (rmdir when dir), or 0. */
static long remove_check(const struct walk *w, int dir)
{
	if (is_proc(w))
		return -EACCES;
	if (w->lastlen == 0)
		return dir ? -EBUSY : -EISDIR;
	if (!w->inode)
		return -ENOENT;
	if (dir && !strcmp(w->last, "."))
		return -EINVAL;
	if (dir && !strcmp(w->last, ".."))
		return -ENOTEMPTY;
	if (!dir && inode_is_dir(w->inode))
		return -EISDIR;
	if (dir && !inode_is_dir(w->inode))
		return -ENOTDIR;
	if (vfs_mount_name(w->inode))
		return -EBUSY;
	if (!w->dir->ops->unlink)
		return -EROFS;
	if (dir && !w->inode->ops->is_empty(w->inode))
		return -ENOTEMPTY;
	return 0;
}

long sys_unlinkat(uint64_t dirfd, uint64_t upath, uint64_t flags, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int dir = (int)flags & AT_REMOVEDIR;
	long err;
	char *path;
	struct walk w;

	(void)a3, (void)a4, (void)a5;
	if ((int)flags & ~AT_REMOVEDIR)
		return -EINVAL;
	if (!(path = path_in(upath, &err)))
		return err;
	err = walk_path((int)dirfd, path, WALK_PARENT | WALK_NOFOLLOW, &w);
	kfree(path);
	if (err < 0)
		return err;
	err = remove_check(&w, dir);
	if (!err)
		err = w.dir->ops->unlink(w.dir, w.last, w.lastlen);
	walk_done(&w);
	return err;
}

long sys_unlink(uint64_t upath, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return sys_unlinkat((uint64_t)AT_FDCWD, upath, 0, 0, 0, 0);
}

long sys_rmdir(uint64_t upath, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return sys_unlinkat((uint64_t)AT_FDCWD, upath, AT_REMOVEDIR, 0, 0, 0);
}

/* Whether dir is inside tree (or is it): a directory cannot move there. */
static int inside(struct inode *dir, struct inode *tree)
{
	for (; dir && dir != vfs_root; dir = vfs_parent(dir))
		if (dir == tree)
			return 1;
	return 0;
}

/* Why from cannot be renamed to to, or 0; 1 when both name one inode
 * (rename then does nothing). */
static long rename_check(const struct walk *from, const struct walk *to, int flags)
{
	struct inode *i = from->inode, *old = to->inode;

	if (is_proc(from) || is_proc(to))
		return -EACCES;
	if (!i)
		return -ENOENT;
	if (from->lastlen == 0 || to->lastlen == 0 || is_dots(from) || is_dots(to))
		return -EBUSY;
	if (from->dir->dev != to->dir->dev)
		return -EXDEV;
	if (!from->dir->ops->rename)
		return -EROFS;
	if (vfs_mount_name(i) || (old && vfs_mount_name(old)))
		return -EBUSY;
	if (old && (flags & RENAME_NOREPLACE))
		return -EEXIST;
	if (!inode_is_dir(i) && to->trailing_slash)
		return -ENOTDIR;
	if (inode_is_dir(i) && inside(to->dir, i))
		return -EINVAL;
	if (old == i)
		return 1;
	if (old && inode_is_dir(i) != inode_is_dir(old))
		return inode_is_dir(i) ? -ENOTDIR : -EISDIR;
	if (old && inode_is_dir(old) && !old->ops->is_empty(old))
		return -ENOTEMPTY;
	return 0;
}

/* Copies in and walks two paths: one for each of two calls (rename, link). */
static long walk_two(uint64_t dfd1, uint64_t up1, int flags1, uint64_t dfd2, uint64_t up2,
		     struct walk *w1, struct walk *w2)
{
	long err;
	char *p1 = path_in(up1, &err), *p2 = p1 ? path_in(up2, &err) : NULL;

	if (p2 && (err = walk_path((int)dfd1, p1, flags1, w1)) == 0 &&
	    (err = walk_path((int)dfd2, p2, WALK_PARENT | WALK_NOFOLLOW, w2)) < 0)
		walk_done(w1);
	kfree(p1);
	kfree(p2);
	return err;
}

long sys_renameat2(uint64_t ofd, uint64_t uold, uint64_t nfd, uint64_t unew, uint64_t uflags, uint64_t a5)
{
	int flags = (int)uflags;
	struct walk from, to;
	long err;

	(void)a5;
	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;                 /* RENAME_EXCHANGE and whiteouts: not in forklab */
	err = walk_two(ofd, uold, WALK_PARENT | WALK_NOFOLLOW, nfd, unew, &from, &to);
	if (err < 0)
		return err;
	err = rename_check(&from, &to, flags);
	if (err == 0)
		err = from.dir->ops->rename(from.dir, from.last, from.lastlen,
					    to.dir, to.last, to.lastlen);
	walk_done(&from);
	walk_done(&to);
	return err > 0 ? 0 : err;
}

long sys_renameat(uint64_t ofd, uint64_t uold, uint64_t nfd, uint64_t unew, uint64_t a4, uint64_t a5)
{
	(void)a4, (void)a5;
	return sys_renameat2(ofd, uold, nfd, unew, 0, 0);
}

long sys_rename(uint64_t uold, uint64_t unew, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_renameat2((uint64_t)AT_FDCWD, uold, (uint64_t)AT_FDCWD, unew, 0, 0);
}

long sys_linkat(uint64_t ofd, uint64_t uold, uint64_t nfd, uint64_t unew, uint64_t uflags, uint64_t a5)
{
	int flags = (int)uflags;
	struct walk from, to;
	long err;

	(void)a5;
	if (flags & ~AT_SYMLINK_FOLLOW)
		return -EINVAL;
	err = walk_two(ofd, uold, flags & AT_SYMLINK_FOLLOW ? 0 : WALK_NOFOLLOW, nfd, unew,
		       &from, &to);
	if (err < 0)
		return err;
	if (is_proc(&from) || is_proc(&to))
		err = -EACCES;
	else if (to.inode || to.lastlen == 0)
		err = -EEXIST;
	else if (inode_is_dir(from.inode))
		err = -EPERM;
	else if (from.inode->dev != to.dir->dev)
		err = -EXDEV;
	else if (!to.dir->ops->link)
		err = -EROFS;
	else
		err = to.dir->ops->link(to.dir, to.last, to.lastlen, from.inode);
	walk_done(&from);
	walk_done(&to);
	return err;
}

long sys_link(uint64_t uold, uint64_t unew, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_linkat((uint64_t)AT_FDCWD, uold, (uint64_t)AT_FDCWD, unew, 0, 0);
}

long sys_symlinkat(uint64_t utarget, uint64_t dirfd, uint64_t upath, uint64_t a3, uint64_t a4, uint64_t a5)
{
	long err;
	char *target = path_in(utarget, &err), *path = target ? path_in(upath, &err) : NULL;
	struct walk w;

	(void)a3, (void)a4, (void)a5;
	if (path && !target[0])
		err = -ENOENT;
	if (path && !err && (err = walk_path((int)dirfd, path, WALK_PARENT | WALK_NOFOLLOW, &w)) == 0) {
		if (is_proc(&w))
			err = -EACCES;
		else if (w.inode || w.lastlen == 0)
			err = -EEXIST;
		else if (!w.dir->ops->symlink)
			err = -EROFS;
		else
			err = w.dir->ops->symlink(w.dir, w.last, w.lastlen, target, strlen(target));
		walk_done(&w);
	}
	kfree(target);
	kfree(path);
	return err;
}

long sys_symlink(uint64_t utarget, uint64_t upath, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_symlinkat(utarget, (uint64_t)AT_FDCWD, upath, 0, 0, 0);
}
