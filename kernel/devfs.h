/*
 * devfs: the device files mounted at /dev (kernel/devfs.c lists them).
 */
#ifndef KERNEL_DEVFS_H
#define KERNEL_DEVFS_H

struct inode;

struct inode *devfs_init(void);         /* its root directory */

#endif
