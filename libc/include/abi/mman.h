/* mmap's and mprotect's protections, mmap's flags, msync's flags and
 * madvise's advice, with Linux's values.  Shared by the kernel
 * (kernel/uapi.h) and <sys/mman.h>. */
#ifndef _ABI_MMAN_H
#define _ABI_MMAN_H

#define PROT_NONE	0
#define PROT_READ	1
#define PROT_WRITE	2
#define PROT_EXEC	4

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_TYPE	0x0f	/* the bits saying shared or private */
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_NORESERVE	0x4000

#define MS_ASYNC	1	/* msync's flags */
#define MS_INVALIDATE	2
#define MS_SYNC		4

#define MADV_NORMAL	0	/* madvise's advice, as far as forklab reads it */
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_REMOVE	9
#define MADV_DONTFORK	10
#define MADV_DOFORK	11
#define MADV_WIPEONFORK	18
#define MADV_KEEPONFORK	19
#define MADV_DONTNEED_LOCKED 24
#define MADV_COLLAPSE	25	/* the last one Linux knows */

#endif
