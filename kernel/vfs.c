/*
 * The virtual file system's inodes, mounts and open files (kernel/vfs.h
 * draws the tree).  An open file of an inode:
 *
 *   fd --> struct file --priv--> struct inode --ops--> tmpfs, devfs, root image
 *          flags, pos            mode, size, ref
 *
 * Reads and writes go to the inode's ops at f->pos; O_APPEND writes at the
 * inode's size; pread and pwrite at their own offset.
 */
#include <string.h>
#include "kernel/vfs.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "mm/uaccess.h"

#define NMOUNTS         4
#define PROC_ROOT_PERM  0555
#define DIR_NLINK       2
#define ROOT_INO        1
#define DIRENT_ALIGN    8               /* a linux_dirent64 record's */

struct mount {
	const char *name;
	struct inode *root;
};

struct inode *vfs_root;
static struct mount mounts[NMOUNTS];

/* /proc's files open by path (kernel/procfs.c): its root stands for them
 * all, and the path walk hands what follows it to procfs_open. */
static const struct inode_ops proc_root_ops;
static struct inode proc_root = {
	.ops = &proc_root_ops, .mode = S_IFDIR | PROC_ROOT_PERM, .nlink = DIR_NLINK, .ref = 1,
	.dev = DEV_PROCFS, .ino = ROOT_INO,
};

struct inode *vfs_proc_root(void)
{
	return &proc_root;
}

void vfs_init(struct inode *root)
{
	vfs_root = root;
	root->parent = root;
}

void vfs_mount(const char *name, struct inode *root)
{
	for (int i = 0; i < NMOUNTS; i++) {
		if (mounts[i].root)
			continue;
		mounts[i].name = name;
		mounts[i].root = root;
		root->parent = vfs_root;
		return;
	}
	panic("vfs: more than %d mounts", NMOUNTS);
}

struct inode *vfs_mounted(struct inode *dir, const char *name, size_t len)
{
	if (dir != vfs_root)
		return NULL;
	for (int i = 0; i < NMOUNTS; i++)
		if (mounts[i].root && strlen(mounts[i].name) == len &&
		    !memcmp(mounts[i].name, name, len))
			return mounts[i].root;
	return NULL;
}

const char *vfs_mount_name(struct inode *root)
{
	for (int i = 0; i < NMOUNTS; i++)
		if (mounts[i].root == root)
			return mounts[i].name;
	return NULL;
}

/* A removed directory has no parent: ".." of it finds nothing. */
struct inode *vfs_parent(struct inode *dir)
{
	return dir->parent;
}

void inode_get(struct inode *i)
{
	i->ref++;
}

void inode_maybe_free(struct inode *i)
{
	if (i->ref == 0 && i->nlink == 0 && i->ops->release)
		i->ops->release(i);
}

void inode_put(struct inode *i)
{
	ASSERT(i->ref > 0);
	i->ref--;
	inode_maybe_free(i);
}

void inode_touch(struct inode *i, int what)
{
	uint64_t now = realtime_ns();

	if (what & INODE_ATIME)
		i->atime = now;
	if (what & INODE_MTIME)
		i->mtime = now;
	if (what & INODE_CTIME)
		i->ctime = now;
}

void inode_stat(struct inode *i, struct kstat *st)
{
	st->dev = i->dev;
	st->ino = i->ino;
	st->mode = i->mode;
	st->nlink = i->nlink;
	st->size = i->size;
	st->rdev = i->rdev;
	st->atime = i->atime;
	st->mtime = i->mtime;
	st->ctime = i->ctime;
}

static long vfs_pread(struct file *f, char *ubuf, size_t n, uint64_t pos)
{
	struct inode *i = f->priv;

	if (inode_is_dir(i))
		return -EISDIR;
	if (!i->ops->read)
		return -EINVAL;
	return i->ops->read(i, ubuf, n, pos);
}

static long vfs_pwrite(struct file *f, const char *ubuf, size_t n, uint64_t pos)
{
	struct inode *i = f->priv;

	if (!i->ops->write)
		return -EINVAL;
	return i->ops->write(i, ubuf, n, pos);
}

static long vfs_read(struct file *f, char *ubuf, size_t n)
{
	long r = vfs_pread(f, ubuf, n, f->pos);

	if (r > 0)
		f->pos += r;
	return r;
}

static long vfs_write(struct file *f, const char *ubuf, size_t n)
{
	struct inode *i = f->priv;
	long r;

	if (f->flags & O_APPEND)
		f->pos = i->size;
	r = vfs_pwrite(f, ubuf, n, f->pos);
	if (r > 0)
		f->pos += r;
	return r;
}

/* Directory entries are formatted in the kernel a chunk at a time; f->pos
 * moves only past the records the user got. */
#define DIRENT_CHUNK    512

static long vfs_getdents(struct file *f, char *ubuf, size_t n)
{
	struct inode *i = f->priv;
	char chunk[DIRENT_CHUNK];
	uint64_t pos = f->pos;
	size_t done = 0;
	long got = 0;

	if (!inode_is_dir(i) || !i->ops->getdents)
		return -ENOTDIR;
	while (done < n) {
		got = i->ops->getdents(i, &pos, chunk, n - done < sizeof(chunk) ? n - done : sizeof(chunk));
		if (got <= 0)
			break;
		if (copy_to_user(ubuf + done, chunk, got) < 0)
			return -EFAULT;
		done += got;
		f->pos = pos;
	}
	return done ? (long)done : got;
}

static void vfs_stat(struct file *f, struct kstat *st)
{
	inode_stat(f->priv, st);
}

static void vfs_release(struct file *f)
{
	inode_put(f->priv);
}

static const struct file_ops vfs_file_ops = {
	.read = vfs_read,
	.write = vfs_write,
	.pread = vfs_pread,
	.pwrite = vfs_pwrite,
	.getdents = vfs_getdents,
	.stat = vfs_stat,
	.release = vfs_release,
	.seekable = 1,
};

struct file *vfs_open_inode(struct inode *i, int flags, long *err)
{
	struct file *f;

	if (i->ops->open)
		return i->ops->open(i, flags, err);
	f = file_new(&vfs_file_ops, flags, i);
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	inode_get(i);
	return f;
}

struct inode *file_inode(struct file *f)
{
	return f->ops == &vfs_file_ops ? f->priv : NULL;
}

/* The threads of a process share its leader's (CLONE_FS). */
struct fs_context *current_fs(void)
{
	return &current->leader->fs;
}

void fs_context_copy(struct fs_context *to, const struct fs_context *from)
{
	*to = *from;
	if (to->cwd)
		inode_get(to->cwd);
}

void fs_context_drop(struct fs_context *fs)
{
	if (fs->cwd)
		inode_put(fs->cwd);
	fs->cwd = NULL;
}

static uint8_t dirent_type(uint32_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR: return DT_DIR;
	case S_IFLNK: return DT_LNK;
	case S_IFCHR: return DT_CHR;
	default: return DT_REG;
	}
}

/* The padding is zeroed so that no kernel data reaches the user. */
size_t dirent_put(void *buf, size_t room, uint64_t ino, uint64_t next, uint32_t mode,
		  const char *name, size_t len)
{
	size_t off = offsetof(struct linux_dirent64, d_name);
	size_t reclen = (off + len + 1 + DIRENT_ALIGN - 1) & ~(size_t)(DIRENT_ALIGN - 1);
	struct linux_dirent64 d = {
		.d_ino = ino, .d_off = next, .d_reclen = reclen, .d_type = dirent_type(mode),
	};

	if (reclen > room)
		return 0;
	memcpy(buf, &d, off);
	memcpy((char *)buf + off, name, len);
	memset((char *)buf + off + len, 0, reclen - off - len);
	return reclen;
}
