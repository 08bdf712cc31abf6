/*
 * The virtual file system: one directory tree made of several file
 * systems.  Each file or directory is a struct inode whose ops say how its
 * file system finds names in it, reads and writes it.  The tree:
 *
 *   /  the root image (kernel/initramfs.c, read-only)
 *   +-- bin, tests, extra ...      inodes of the root image
 *   +-- tmp   mount: tmpfs (kernel/tmpfs.c), files in frames
 *   +-- dev   mount: devfs (kernel/devfs.c), null, zero, tty ...
 *   +-- proc  mount: procfs (kernel/procfs.c), opened by path
 *
 * Mounts sit only in the root directory: a lookup of a mount's name in "/"
 * gives the mounted root, whose parent is "/", so ".." leaves it.
 *
 * Lifetime: an inode counts its references in ref (open files and working
 * directories) and its names in nlink.  A tmpfs inode is freed when both
 * reach zero, so an unlinked file lives until its last close.  Inodes of
 * the root image and devfs live forever (their ops have no release).
 * Lookups hand back inodes without a reference: nothing here sleeps, so an
 * inode cannot go between a lookup and the inode_get of its user.
 */
#ifndef KERNEL_VFS_H
#define KERNEL_VFS_H

#include <stddef.h>
#include <stdint.h>
#include "kernel/file.h"

struct inode;
struct page;
struct statfs_info;

/* A file system's answers; any may be NULL (the call gets the errno the
 * comment names). */
struct inode_ops {
	/* Directories: 0 and the child, or -ENOENT. */
	int (*lookup)(struct inode *dir, const char *name, size_t len, struct inode **out);
	/* A new inode of mode (S_IFREG, S_IFDIR or S_IFLNK | perms) under name;
	 * the name is known to be free.  NULL: -EROFS. */
	int (*create)(struct inode *dir, const char *name, size_t len, uint32_t mode,
		      struct inode **out);
	/* A new symlink to target (tlen bytes, 1 to PATH_MAX - 1). */
	int (*symlink)(struct inode *dir, const char *name, size_t len, const char *target,
		       size_t tlen);
	int (*link)(struct inode *dir, const char *name, size_t len, struct inode *target);
	/* Removes name, a file or (empty, checked by the caller) directory. */
	int (*unlink)(struct inode *dir, const char *name, size_t len);
	/* Moves name to newdir/newname, replacing what is there (checked by
	 * the caller: same type, empty directory). */
	int (*rename)(struct inode *dir, const char *name, size_t len,
		      struct inode *newdir, const char *newname, size_t newlen);
	/* Formats entries from *pos on as linux_dirent64 into kernel buf. */
	long (*getdents)(struct inode *dir, uint64_t *pos, void *buf, size_t n);
	/* The name of child in dir (for getcwd), NUL-terminated; 0 or -ENOENT. */
	int (*name_of)(struct inode *dir, struct inode *child, char *name);
	int (*is_empty)(struct inode *dir);
	/* A symlink's target into kernel buf (n bytes at most, no NUL); its length. */
	long (*readlink)(struct inode *ino, char *buf, size_t n);
	/* Files: user buffers; short counts at the end. */
	long (*read)(struct inode *ino, char *ubuf, size_t n, uint64_t pos);
	long (*write)(struct inode *ino, const char *ubuf, size_t n, uint64_t pos);
	int (*truncate)(struct inode *ino, uint64_t size);
	/* mmap (mm/filemap.c) maps files having one of these two: the
	 * page-cache frame of page idx, made if it is a hole (NULL if no frame
	 * is left), or the whole contents in kernel memory. */
	struct page *(*cache_page)(struct inode *ino, uint64_t idx);
	const char *(*contents)(struct inode *ino);
	/* Devices whose open is their own (the console). */
	struct file *(*open)(struct inode *ino, int flags, long *err);
	void (*release)(struct inode *ino);     /* no references and no names */
	void (*statfs)(struct inode *ino, struct statfs_info *st);
};

struct inode {
	const struct inode_ops *ops;
	uint32_t mode;                  /* S_IFMT type | permission bits */
	uint32_t nlink;
	int ref;
	uint32_t dev;                   /* which file system: rename across is EXDEV */
	uint64_t ino, size;
	uint64_t rdev;                  /* a device's number */
	uint64_t atime, mtime, ctime;   /* ns since the epoch */
	struct inode *parent;           /* a directory's; the root's is itself */
	void *priv;                     /* the file system's */
};

/* What statfs reports, in blocks of PAGE_SIZE. */
struct statfs_info {
	uint64_t magic, blocks, bfree, files, ffree;
};

/* Device numbers of the file systems, as stat's st_dev. */
enum { DEV_ROOT = 1, DEV_TMPFS, DEV_DEVFS, DEV_PROCFS };

extern struct inode *vfs_root;

void vfs_init(struct inode *root);
void vfs_mount(const char *name, struct inode *root);
struct inode *vfs_proc_root(void);      /* what is mounted at /proc */
/* A mount in "/" by name, or NULL; for the path walk. */
struct inode *vfs_mounted(struct inode *dir, const char *name, size_t len);
const char *vfs_mount_name(struct inode *root);  /* NULL if not a mount's root */

#define EXEC_BITS       0111            /* any of these lets exec run a file */

static inline int inode_is_dir(const struct inode *i) { return (i->mode & S_IFMT) == S_IFDIR; }
static inline int inode_is_reg(const struct inode *i) { return (i->mode & S_IFMT) == S_IFREG; }
static inline int inode_is_link(const struct inode *i) { return (i->mode & S_IFMT) == S_IFLNK; }

void inode_get(struct inode *i);
void inode_put(struct inode *i);
/* After nlink dropped: frees the inode if nothing refers to it. */
void inode_maybe_free(struct inode *i);
void inode_touch(struct inode *i, int what);     /* INODE_* times set to now */
enum { INODE_ATIME = 1, INODE_MTIME = 2, INODE_CTIME = 4 };
void inode_stat(struct inode *i, struct kstat *st);

/* An open file of inode i (a new reference); NULL with *err. */
struct file *vfs_open_inode(struct inode *i, int flags, long *err);
/* The inode behind an open file, or NULL for pipes, the console, /proc. */
struct inode *file_inode(struct file *f);

/* The ".." of dir, mounts considered. */
struct inode *vfs_parent(struct inode *dir);

/* The working directory and umask of the current process. */
struct fs_context {
	struct inode *cwd;              /* holds a reference */
	uint32_t umask;
};
struct fs_context *current_fs(void);
void fs_context_copy(struct fs_context *to, const struct fs_context *from);
void fs_context_drop(struct fs_context *fs);

/* What getdents gives the user, one record after another. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;                  /* the position just after this record */
	uint16_t d_reclen;              /* the whole record, 8-byte aligned */
	uint8_t d_type;
	char d_name[];                  /* NUL-terminated */
};

/* Formats one linux_dirent64 record into buf (room bytes): its length,
 * or 0 if it does not fit.  next is the position after it (d_off). */
size_t dirent_put(void *buf, size_t room, uint64_t ino, uint64_t next, uint32_t mode,
		  const char *name, size_t len);

uint64_t realtime_ns(void);             /* kernel/sys_misc.c */

#endif
