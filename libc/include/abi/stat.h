/* A file's type in its mode, and utimensat's special times, with Linux's
 * values.  Shared by the kernel (kernel/uapi.h) and <sys/stat.h>. */
#ifndef _ABI_STAT_H
#define _ABI_STAT_H

#define S_IFMT		0170000
#define S_IFSOCK	0140000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFBLK		0060000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000

#define UTIME_NOW	((1L << 30) - 1)
#define UTIME_OMIT	((1L << 30) - 2)

#endif
