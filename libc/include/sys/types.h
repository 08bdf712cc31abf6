/* The basic types of the Linux x86-64 ABI. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef long time_t;
typedef int clockid_t;
typedef unsigned int useconds_t;

/* Here rather than in time.h because struct stat holds three of them. */
struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

#endif
