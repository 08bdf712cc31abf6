/*
 * tmpfs: the writable file system in memory mounted at /tmp.
 */
#ifndef KERNEL_TMPFS_H
#define KERNEL_TMPFS_H

#include <stddef.h>
#include <stdint.h>

struct inode;

struct inode *tmpfs_init(void);         /* its root directory */
uint64_t tmpfs_frames(void);            /* frames its files hold now */

#endif
