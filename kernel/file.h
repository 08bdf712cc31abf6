/*
 * Open files.  A struct file is one open of something (the console, a pipe
 * end, an inode of the directory tree (kernel/vfs.c), a /proc file, a
 * memfd); descriptors in a process's table point at it, and fork and dup
 * share it, so it counts its references.  What a file does is in its ops;
 * buffers they get are user addresses, to be reached only through
 * mm/uaccess.h.
 */
#ifndef KERNEL_FILE_H
#define KERNEL_FILE_H

#include <stddef.h>
#include <stdint.h>
#include "kernel/uapi.h"

struct file;
struct kstat;
struct poll_queue;

struct file_ops {
	long (*read)(struct file *f, char *ubuf, size_t n);
	long (*write)(struct file *f, const char *ubuf, size_t n);
	long (*getdents)(struct file *f, char *ubuf, size_t n);   /* linux_dirent64 */
	/* pread64 and pwrite64: at pos, f->pos untouched (seekable files). */
	long (*pread)(struct file *f, char *ubuf, size_t n, uint64_t pos);
	long (*pwrite)(struct file *f, const char *ubuf, size_t n, uint64_t pos);
	void (*stat)(struct file *f, struct kstat *st);
	void (*release)(struct file *f);                          /* last reference gone */
	long (*ioctl)(struct file *f, unsigned int req, uint64_t arg);  /* NULL: ENOTTY */
	unsigned (*poll)(struct file *f);     /* POLL* bits true now; NULL: always ready */
	struct poll_queue *(*poll_queue)(struct file *f);        /* where its pollers wait */
	int seekable;                                             /* lseek allowed */
};

struct file {
	const struct file_ops *ops;
	int ref;
	int flags;                      /* O_RDONLY / O_WRONLY / O_RDWR | O_CLOEXEC ... */
	uint64_t pos;
	uint64_t size;                  /* for lseek(SEEK_END) on seekable files */
	void *priv;
};

/* The kernel's view of struct stat; sys_fstat converts it for the user.
 * blocks, if not 0, counts the 512-byte blocks held (else size says). */
struct kstat {
	uint64_t ino, size;
	uint32_t mode;                  /* S_IFREG | 0755 ... (Linux values) */
	uint64_t nlink;
	uint64_t dev, rdev, blocks;
	uint64_t atime, mtime, ctime;   /* ns since the epoch */
};

/* A new file with one reference, or NULL when out of memory. */
struct file *file_new(const struct file_ops *ops, int flags, void *priv);
void file_get(struct file *f);
void file_put(struct file *f);

#endif
