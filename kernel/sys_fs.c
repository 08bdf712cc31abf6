/*
 * System calls that look names up: open, creat, stat (fs_stat, for
 * sys_file.c), readlink, access.  Each copies its paths in, walks them
 * (kernel/namei.c) and asks the inode's ops; the checks Linux makes
 * before it changes anything are made here, in its order where a program
 * could tell.  forklab's only user is root, so no permission bit forbids
 * anything but running a file with none set.  A file system without an op
 * changes nothing: the root image is read-only (EROFS) and /proc opens by
 * path only (EACCES).  The calls that change a directory's names are in
 * sys_dir.c, those that change a file's mode, owner, size or times in
 * sys_attr.c, the working directory's in sys_cwd.c, those on a whole file
 * system in sys_statfs.c.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/sys_fs.h"
#include "kernel/vfs.h"
#include "kernel/namei.h"
#include "kernel/procfs.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/heap.h"
#include "mm/uaccess.h"

#define PROC_PREFIX     "/proc/"

char *path_in(uint64_t upath, long *err)
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

int is_proc(const struct walk *w)
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

long walk_user(int dirfd, uint64_t upath, int flags, struct walk *w)
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
