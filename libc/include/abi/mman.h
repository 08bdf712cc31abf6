/* mmap's and mprotect's protections, and mmap's flags, with Linux's
 * values.  Shared by the kernel (kernel/uapi.h) and <sys/mman.h>. */
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

#endif
