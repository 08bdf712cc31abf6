/* Flags of open() and openat(), and fcntl's commands, with Linux's values. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>

#include <abi/fcntl.h>

/* The mode argument is read only with O_CREAT. */
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int fcntl(int fd, int cmd, ...);        /* the third argument is an int */

#endif
