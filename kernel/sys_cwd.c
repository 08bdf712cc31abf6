/*
 * The working directory and the umask, which the threads of a process
 * share (current_fs(), in the leader): chdir, fchdir, getcwd, umask.
 * getcwd builds the path backwards, from the directory up to the root,
 * asking each parent for its child's name, or the mount for a mount
 * point's; a directory removed meanwhile has no parent, and no path.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/sys_fs.h"
#include "kernel/vfs.h"
#include "kernel/namei.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/heap.h"
#include "mm/uaccess.h"

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
