/*
 * The root file system: a read-only tree built from the cpio archive that
 * GRUB loads as a module (kernel/initramfs.c explains the format).  Its
 * nodes are inodes of the tree of kernel/vfs.h, mounted at "/"; the
 * functions taking a path here walk the image alone, from its root.
 */
#ifndef KERNEL_INITRAMFS_H
#define KERNEL_INITRAMFS_H

#include <stddef.h>
#include <stdint.h>
#include "kernel/vfs.h"

/* What a lookup tells about a file or directory. */
struct initramfs_node {
	const void *data;               /* the contents, inside the archive */
	uint64_t size;                  /* 0 for a directory */
	uint32_t mode;                  /* S_IFREG, S_IFDIR or S_IFLNK | permission bits */
	uint64_t ino;
};

/* One node of the tree.  Names and data point into the archive. */
struct rnode {
	const char *name;               /* not NUL-terminated */
	size_t namelen;
	uint32_t mode;
	uint64_t ino;
	const void *data;
	uint64_t size;
	struct rnode *parent;           /* NULL for the root */
	struct rnode *children;         /* a directory's, linked by sibling */
	struct rnode *sibling;
	struct rnode *next_alloc;       /* every node but the root, for freeing */
	uint64_t cpio_id;               /* a hard-linked file's dev and ino in the archive */
	struct rnode *same;             /* another name of this file: the one with its data */
	struct inode inode;             /* the node in the tree of kernel/vfs.h */
};

/* One tree; the kernel has one for "/", tests build their own. */
struct initramfs {
	struct rnode root;
	struct rnode *nodes;            /* by next_alloc */
	uint64_t nnodes;                /* the root included; the last inode number */
};

/*
 * Replaces fs's tree with one built from the archive at base.  Returns 0,
 * -EINVAL if the archive is damaged (a warning says where; the entries
 * before the damage are kept), or -ENOMEM (the entries already added are
 * kept).  The archive must stay mapped while the tree is in use.
 */
int initramfs_build(struct initramfs *fs, const void *base, size_t size);
void initramfs_free(struct initramfs *fs);      /* leaves an empty root */
/* 0 and the node (a hard link's file, whichever name), or -ENOENT,
 * -ENOTDIR or -ENAMETOOLONG.  Symlinks are not followed. */
int initramfs_find(struct initramfs *fs, const char *path, struct rnode **out);
/*
 * Formats the entries of directory dir from position *pos on ("." is 0,
 * ".." is 1, then the children) as linux_dirent64 records into buf, as
 * many as fit in n bytes, and advances *pos past them.  Returns the bytes
 * used, 0 at the end, or -EINVAL if not even the next record fits.
 */
long initramfs_dirents(const struct rnode *dir, uint64_t *pos, void *buf, size_t n);
/* Sets up the inodes of fs's nodes for the VFS (the tree is opened, read
 * and listed through them); its root's inode.  Once per tree built. */
struct inode *initramfs_inodes(struct initramfs *fs);

/* The kernel's root: built once at boot from the module GRUB loaded. */
int initramfs_init(const void *base, size_t size);
/* The file of the root image that path names, walked through the whole
 * tree from the working directory: 0, a walk's error, or -EACCES for a
 * file of another file system (exec runs programs of the root image). */
int initramfs_resolve(const char *path, struct initramfs_node *out);
/* The root image's root directory, for the VFS (initramfs_inodes). */
struct inode *initramfs_root(void);

#endif
