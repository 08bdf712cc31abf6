/* The types getdents64 gives its entries (d_type), with Linux's values.
 * Shared by the kernel (kernel/uapi.h) and <dirent.h>. */
#ifndef _ABI_DIRENT_H
#define _ABI_DIRENT_H

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

#endif
