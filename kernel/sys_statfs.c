/*
 * System calls on a file system as a whole: statfs and fstatfs, which ask
 * its statfs op for its size and free room, and the calls that would
 * write it to its disk (fsync, fdatasync, sync, syncfs): forklab's file
 * systems live in memory, so there is nothing to write.
 */
#include "kernel/syscall.h"
#include "kernel/sys_fs.h"
#include "kernel/vfs.h"
#include "kernel/namei.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/layout.h"
#include "mm/uaccess.h"

/* struct statfs as Linux x86-64 lays it out. */
struct linux_statfs {
	int64_t type, bsize, blocks, bfree, bavail, files, ffree;
	int32_t fsid[2];
	int64_t namelen, frsize, flags, spare[4];
};

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
