/* The sizes the system calls check, with Linux's values.  Shared by the
 * kernel (kernel/uapi.h) and <limits.h>. */
#ifndef _ABI_LIMITS_H
#define _ABI_LIMITS_H

#define PATH_MAX	4096	/* bytes in a path, with its '\0' */
#define NAME_MAX	255	/* bytes in one file name */
#define IOV_MAX		1024	/* iovecs in one readv or writev */

#endif
