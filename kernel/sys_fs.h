/*
 * What the descriptor calls of kernel/sys_file.c need from the name calls
 * of kernel/sys_fs.c: opening and stat by path; and what the calls on
 * paths share across sys_fs.c, sys_dir.c, sys_attr.c, sys_cwd.c and
 * sys_statfs.c.
 */
#ifndef KERNEL_SYS_FS_H
#define KERNEL_SYS_FS_H

#include <stdint.h>

struct file;
struct kstat;
struct walk;

#define PERM_BITS       07777           /* what creat and chmod set: rwx, setuid, setgid, sticky */

/* A new open file for path (a kernel string), from dirfd; NULL with *err. */
struct file *fs_open(int dirfd, const char *path, int flags, uint32_t mode, long *err);
/* The status of what path names; a final symlink's own with nofollow. */
long fs_stat(int dirfd, const char *path, int nofollow, struct kstat *st);

/* A path from the user, in a kmalloc'd buffer, and *err 0; or NULL and *err. */
char *path_in(uint64_t upath, long *err);
/* Walks a path from the user for a call that reads or changes its inode. */
long walk_user(int dirfd, uint64_t upath, int flags, struct walk *w);
/* Whether a walk ended in /proc, whose files change by no call on names. */
int is_proc(const struct walk *w);

#endif
