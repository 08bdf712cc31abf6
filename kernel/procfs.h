#ifndef KERNEL_PROCFS_H
#define KERNEL_PROCFS_H

struct file;

int procfs_owns(const char *path);      /* is path under /proc? */
struct file *procfs_open(const char *path, int flags, long *err);

#endif
