#ifndef KERNEL_PROCFS_H
#define KERNEL_PROCFS_H

#include <stddef.h>
#include <stdint.h>
#include "mm/heap.h"

struct file;
struct kstat;
struct proc;

int procfs_owns(const char *path);      /* is path under /proc? */
struct file *procfs_open(const char *path, int flags, long *err);
/* The target of a /proc link (self, <pid>/exe), NUL-terminated in buf of
 * size bytes: its length, -EINVAL if path is no link, or -ENOENT. */
long procfs_link(const char *path, char *buf, size_t size);
/* lstat of a /proc link (self, <pid>/exe): the link itself, as Linux
 * describes it (lrwxrwxrwx, size 0); -EINVAL if path is no link. */
long procfs_link_stat(const char *path, struct kstat *st);
/* readlink of a /proc path: the link's length copied to ubuf (at most
 * size bytes, no NUL), -EINVAL if path is no link, or -ENOENT, -EFAULT. */
long procfs_readlink(const char *path, char *ubuf, size_t size);

/* Shared by the files of /proc (kernel/procfs.c, kernel/procfs_pid.c). */
#define PROCFS_TEXT_MAX KMALLOC_MAX     /* a file made whole at open */
/* A file reading buf (kmalloc'd, len bytes), which it frees; or NULL with
 * *err = -ENOMEM, buf freed. */
struct file *procfs_text(char *buf, size_t len, long *err);
void procfs_stat_empty(struct file *f, struct kstat *st);  /* a file made as read */
void procfs_stat_dir(struct file *f, struct kstat *st);
uint64_t procfs_ino(uint64_t pid, uint64_t pos);           /* pid 0: /proc's entries */
/* Copies one linux_dirent64 (dirent_put's) to ubuf: its length, 0 if it
 * does not fit in room, or -EFAULT.  pos is the entry's place in its
 * directory, mode gives its type (S_IFDIR...). */
long procfs_put_dirent(char *ubuf, size_t room, uint64_t ino, uint64_t pos,
		       const char *name, uint32_t mode);
/* For files made a line at a time as they are read: copies the part of
 * line (at offset *off of the file) that the read from f->pos wants after
 * its *done bytes of n, and moves *off past the line.  0 or -EFAULT. */
long procfs_put_line(struct file *f, char *ubuf, size_t n, size_t *done, uint64_t *off,
		     const char *line, size_t len);
/* /proc/<pid> and its files: rest is what follows the pid ("", "/stat"). */
struct file *procfs_pid_open(struct proc *p, const char *rest, long *err);
uint64_t procfs_pid_exe_ino(struct proc *p);    /* as /proc/<pid> lists exe */
size_t procfs_interrupts(char *buf);            /* kernel/procfs_interrupts.c */

#endif
