/*
 * What the descriptor calls of kernel/sys_file.c need from the name calls
 * of kernel/sys_fs.c: opening and stat by path.
 */
#ifndef KERNEL_SYS_FS_H
#define KERNEL_SYS_FS_H

#include <stdint.h>

struct file;
struct kstat;

/* A new open file for path (a kernel string), from dirfd; NULL with *err. */
struct file *fs_open(int dirfd, const char *path, int flags, uint32_t mode, long *err);
/* The status of what path names; a final symlink's own with nofollow. */
long fs_stat(int dirfd, const char *path, int nofollow, struct kstat *st);

#endif
