/*
 * System calls on names: open, mkdir, unlink, rename, link, symlink,
 * chdir, access, chmod, chown, truncate, utimensat, statfs.  Each copies its
 * paths in, walks them (kernel/namei.c) and asks the inode's ops; the
 * checks Linux makes before it changes anything are made here, in its
 * order where a program could tell.  forklab's only user is root, so no
 * permission bit forbids anything but running a file with none set.
 * A file system without an op changes nothing: the root image is
 * read-only (EROFS) and /proc opens by path only (EACCES).
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/sys_fs.h"
#include "kernel/vfs.h"
#include "kernel/namei.h"
#include "kernel/procfs.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "kernel/uapi.h"
#include "mm/heap.h"
#include "mm/layout.h"
#include "mm/uaccess.h"

#define PERM_BITS       07777
#define DIR_PERM_BITS   01777
#define PROC_PREFIX     "/proc/"
#define ROOT_ID         0               /* root's uid and gid */
#define ID_UNCHANGED    0xffffffffu     /* chown's -1: keep this id */

/* struct statfs as Linux x86-64 lays it out. */
struct linux_statfs {
	int64_t type, bsize, blocks, bfree, bavail, files, ffree;
	int32_t fsid[2];
	int64_t namelen, frsize, flags, spare[4];
};

/* A path from the user, in a kmalloc'd buffer, and *err 0; or NULL and
 * *err. */
static char *path_in(uint64_t upath, long *err)
{
	char *path = kmalloc(PATH_MAX);

	if (!path) {
		*err = -ENOMEM;
		return NULL;
	}
	*err = strncpy_from_user(path, (const char *)upath, PATH_MAX);
	if (*err < 0) {
		kfree(path);
		return NULL;
	}
	*err = 0;
	return path;
}

static int is_dots(const struct walk *w)
{
	return !strcmp(w->last, ".") || !strcmp(w->last, "..");
}

/* "/proc" and the rest of a walk that ended in /proc (rest NULL: /proc
 * itself), as procfs takes its paths; NULL with *err set if it cannot be. */
static char *proc_path(const char *rest, long *err)
{
	char *path;

	if (rest && strlen(rest) + sizeof(PROC_PREFIX) > PATH_MAX) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	if (!(path = kmalloc(PATH_MAX))) {
		*err = -ENOMEM;
		return NULL;
	}
	strcpy(path, "/proc");
	if (rest) {
		strcat(path, "/");
		strcat(path, rest);
	}
	return path;
}

/* Opens the /proc file that a walk ended in. */
static struct file *open_proc(const char *rest, int flags, long *err)
{
	char *path = proc_path(rest, err);
	struct file *f;

	if (!path)
		return NULL;
	f = procfs_open(path, flags, err);
	kfree(path);
	if (f)
		*err = 0;               /* procfs may leave one it did not meet */
	return f;
}

/* /proc's links (self, <pid>/exe) are procfs's to read. */
static long readlink_proc(const char *rest, char *ubuf, int size)
{
	long err;
	char *path = proc_path(rest, &err);

	if (!path)
		return err;
	err = procfs_readlink(path, ubuf, size);
	kfree(path);
	return err;
}

static int is_proc(const struct walk *w)
{
	return w->proc_rest || (w->inode && w->inode->dev == DEV_PROCFS) ||
	       (w->dir && w->dir->dev == DEV_PROCFS);
}

/* Makes the regular file w names (O_CREAT, and it is missing). */
static int create_file(struct walk *w, uint32_t mode)
{
	struct inode *dir = w->dir;

	if (w->lastlen == 0 || w->trailing_slash)
		return -EISDIR;
	if (!dir->ops->create)
		return -EROFS;
	return dir->ops->create(dir, w->last, w->lastlen,
				S_IFREG | (mode & PERM_BITS & ~current_fs()->umask), &w->inode);
}

/* O_CREAT: a parent walk, then the file is made or, if there, opened as
 * if O_CREAT were not given (following a final symlink).  An error leaves
 * no walk to finish, as walk_path's. */
static int walk_create(int dirfd, const char *path, int flags, uint32_t mode, struct walk *w)
{
	int err = walk_path(dirfd, path, WALK_PARENT | WALK_NOFOLLOW, w);

	if (err < 0 || is_proc(w))
		return err;
	if (!w->inode)
		err = create_file(w, mode);
	else if (flags & O_EXCL)
		err = -EEXIST;
	else if (inode_is_link(w->inode) && (flags & O_NOFOLLOW))
		err = -ELOOP;
	else if (inode_is_link(w->inode)) {
		walk_done(w);
		return walk_path(dirfd, path, 0, w);
	}
	if (err < 0)
		walk_done(w);
	return err;
}

/* What open checks once it has the inode; then O_TRUNC. */
static int open_checks(struct inode *i, int flags)
{
	int writes = (flags & O_ACCMODE) != O_RDONLY;

	if (inode_is_link(i))
		return -ELOOP;                  /* O_NOFOLLOW */
	if ((flags & O_DIRECTORY) && !inode_is_dir(i))
		return -ENOTDIR;
	if (inode_is_dir(i) && (writes || (flags & O_CREAT)))
		return -EISDIR;
	if ((flags & O_ACCMODE) == O_ACCMODE)
		return -EINVAL;
	if ((writes || (flags & O_TRUNC)) && i->dev == DEV_ROOT)
		return -EROFS;
	if ((flags & O_TRUNC) && inode_is_reg(i) && i->ops->truncate)
		return i->ops->truncate(i, 0);
	return 0;
}

struct file *fs_open(int dirfd, const char *path, int flags, uint32_t mode, long *err)
{
	struct walk w;
	struct file *f = NULL;

	if (flags & O_CREAT)
		*err = walk_create(dirfd, path, flags, mode, &w);
	else
		*err = walk_path(dirfd, path, flags & O_NOFOLLOW ? WALK_NOFOLLOW : 0, &w);
	if (*err < 0)
		return NULL;
	if (is_proc(&w))
		f = open_proc(w.proc_rest, flags, err);
	else if ((*err = open_checks(w.inode, flags)) == 0)
		f = vfs_open_inode(w.inode, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY), err);
	if (!f && !*err)
		*err = -EACCES;
	walk_done(&w);
	return f;
}

/* The status of the /proc file a walk ended in; with nofollow, of a link
 * itself. */
static long stat_proc(const char *rest, int nofollow, struct kstat *st)
{
	long err;
	char *path = proc_path(rest, &err);
	struct file *f;

	if (!path)
		return err;
	if (!nofollow || (err = procfs_link_stat(path, st)) == -EINVAL) {
		f = procfs_open(path, O_RDONLY, &err);
		if (f) {
			err = 0;
			f->ops->stat(f, st);
			st->dev = DEV_PROCFS;
			file_put(f);
		}
	}
	kfree(path);
	return err;
}

long fs_stat(int dirfd, const char *path, int nofollow, struct kstat *st)
{
	struct walk w;
	long err = walk_path(dirfd, path, nofollow ? WALK_NOFOLLOW : 0, &w);

	if (err < 0)
		return err;
	if (is_proc(&w))
		err = stat_proc(w.proc_rest, nofollow, st);
	else
		inode_stat(w.inode, st);
	walk_done(&w);
	return err;
}

long sys_creat(uint64_t upath, uint64_t mode, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_openat((uint64_t)AT_FDCWD, upath, O_CREAT | O_WRONLY | O_TRUNC, mode, 0, 0);
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

long sys_readlinkat(uint64_t dirfd, uint64_t upath, uint64_t ubuf, uint64_t usize, uint64_t a4, uint64_t a5)
{
	int size = (int)usize;
	long err;
	char *path, *target;
	struct walk w;

	(void)a4, (void)a5;
	if (size <= 0)
		return -EINVAL;
	if (!(path = path_in(upath, &err)))
		return err;
	err = walk_path((int)dirfd, path, WALK_NOFOLLOW, &w);
	kfree(path);
	if (err < 0)
		return err;
	if (is_proc(&w)) {
		err = readlink_proc(w.proc_rest, (char *)ubuf, size);
		walk_done(&w);
		return err;
	}
	target = kmalloc(PATH_MAX);
	if (!target)
		err = -ENOMEM;
	else if (!inode_is_link(w.inode) || !w.inode->ops->readlink)
		err = -EINVAL;
	else
		err = w.inode->ops->readlink(w.inode, target, (size_t)size < PATH_MAX ? size : PATH_MAX);
	if (err > 0 && copy_to_user((void *)ubuf, target, err) < 0)
		err = -EFAULT;
	kfree(target);
	walk_done(&w);
	return err;
}

long sys_readlink(uint64_t upath, uint64_t ubuf, uint64_t size, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	return sys_readlinkat((uint64_t)AT_FDCWD, upath, ubuf, size, 0, 0);
}

static void set_cwd(struct inode *dir)
{
	struct fs_context *fs = current_fs();

	inode_get(dir);
	if (fs->cwd)
		inode_put(fs->cwd);
	fs->cwd = dir;
}

long sys_chdir(uint64_t upath, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	long err;
	char *path = path_in(upath, &err);
	struct walk w;

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	if (!path)
		return err;
	err = walk_path(AT_FDCWD, path, 0, &w);
	kfree(path);
	if (err < 0)
		return err;
	if (w.proc_rest)
		err = -ENOTDIR;                 /* /proc's files open by path only */
	else if (!inode_is_dir(w.inode))
		err = -ENOTDIR;
	else
		set_cwd(w.inode);
	walk_done(&w);
	return err;
}

long sys_fchdir(uint64_t fd, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file((int)fd);
	struct inode *i = f ? file_inode(f) : NULL;

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	if (!i || !inode_is_dir(i))
		return -ENOTDIR;
	set_cwd(i);
	return 0;
}

/* Puts name before the path being built backwards at buf + *at. */
static int prepend(char *buf, size_t *at, const char *name)
{
	size_t len = strlen(name);

	if (len + 1 > *at)
		return -ERANGE;
	*at -= len;
	memcpy(buf + *at, name, len);
	buf[--*at] = '/';
	return 0;
}

/* The working directory's path, ending at buf + PATH_MAX. */
static long cwd_path(char *buf, size_t *at)
{
	struct inode *dir = current_fs()->cwd, *parent;
	char name[NAME_MAX + 1];
	const char *mount;

	*at = PATH_MAX - 1;
	buf[*at] = '\0';
	for (; dir != vfs_root; dir = parent) {
		parent = vfs_parent(dir);
		if (!parent)
			return -ENOENT;         /* removed */
		mount = parent == vfs_root ? vfs_mount_name(dir) : NULL;
		if (mount)
			strcpy(name, mount);
		else if (parent->ops->name_of(parent, dir, name) < 0)
			return -ENOENT;
		if (prepend(buf, at, name) < 0)
			return -ENAMETOOLONG;
	}
	if (*at == PATH_MAX - 1)
		buf[--*at] = '/';
	return 0;
}

long sys_getcwd(uint64_t ubuf, uint64_t size, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	char *buf = kmalloc(PATH_MAX);
	size_t at, len;
	long err;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (!buf)
		return -ENOMEM;
	err = cwd_path(buf, &at);
	len = PATH_MAX - at;
	if (!err && size < len)
		err = -ERANGE;
	if (!err && copy_to_user((void *)ubuf, buf + at, len) < 0)
		err = -EFAULT;
	kfree(buf);
	return err ? err : (long)len;
}

long sys_umask(uint64_t mask, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct fs_context *fs = current_fs();
	uint32_t old = fs->umask;

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	fs->umask = mask & 0777;
	return old;
}

/* Walks a path from the user for a call that reads or changes its inode. */
static long walk_user(int dirfd, uint64_t upath, int flags, struct walk *w)
{
	long err;
	char *path = path_in(upath, &err);

	if (!path)
		return err;
	err = walk_path(dirfd, path, flags, w);
	kfree(path);
	return err;
}

long sys_faccessat(uint64_t dirfd, uint64_t upath, uint64_t umode, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int mode = (int)umode;
	struct walk w;
	struct file *f;
	long err;

	(void)a3, (void)a4, (void)a5;
	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if ((err = walk_user((int)dirfd, upath, 0, &w)) < 0)
		return err;
	if (is_proc(&w)) {
		f = open_proc(w.proc_rest, O_RDONLY, &err);
		if (f)
			file_put(f);
		if (f && (mode & (W_OK | X_OK)) && w.proc_rest)
			err = -EACCES;
	} else if ((mode & W_OK) && w.inode->dev == DEV_ROOT) {
		err = -EROFS;
	} else if ((mode & X_OK) && !inode_is_dir(w.inode) && !(w.inode->mode & EXEC_BITS)) {
		err = -EACCES;
	}
	walk_done(&w);
	return err;
}

long sys_access(uint64_t upath, uint64_t mode, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_faccessat((uint64_t)AT_FDCWD, upath, mode, 0, 0, 0);
}

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

/* Nothing is ever on a disk: a file of a file system is always in sync. */
long sys_fsync(uint64_t fd, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file((int)fd);

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	return file_inode(f) ? 0 : -EINVAL;
}

/* No disk: every write is already where it will stay. */
long sys_sync(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return 0;
}

long sys_syncfs(uint64_t fd, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return fd_file((int)fd) ? 0 : -EBADF;
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

static long put_statfs(struct inode *i, int dev, uint64_t ubuf)
{
	struct statfs_info info = { 0 };
	struct linux_statfs st = { 0 };

	if (i && i->ops->statfs)
		i->ops->statfs(i, &info);
	else if (dev == DEV_PROCFS)
		info.magic = PROC_SUPER_MAGIC;
	st.type = info.magic;
	st.bsize = st.frsize = PAGE_SIZE;
	st.blocks = info.blocks;
	st.bfree = st.bavail = info.bfree;
	st.files = info.files;
	st.ffree = info.ffree;
	st.fsid[0] = dev;
	st.namelen = NAME_MAX;
	st.flags = dev == DEV_ROOT ? ST_RDONLY : 0;
	return copy_to_user((void *)ubuf, &st, sizeof(st));
}

long sys_statfs(uint64_t upath, uint64_t ubuf, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct walk w;
	long err;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if ((err = walk_user(AT_FDCWD, upath, 0, &w)) < 0)
		return err;
	if (is_proc(&w))
		err = put_statfs(NULL, DEV_PROCFS, ubuf);
	else
		err = put_statfs(w.inode, w.inode->dev, ubuf);
	walk_done(&w);
	return err;
}

long sys_fstatfs(uint64_t fd, uint64_t ubuf, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct file *f = fd_file((int)fd);
	struct inode *i = f ? file_inode(f) : NULL;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (!f)
		return -EBADF;
	return put_statfs(i, i ? (int)i->dev : 0, ubuf);
}
