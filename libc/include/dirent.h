/* Directory streams. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <limits.h>
#include <sys/types.h>

/* One record of getdents64, as the kernel lays it out. */
struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;	/* bytes in this record */
	unsigned char d_type;		/* a DT_ value */
	char d_name[NAME_MAX + 1];
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

typedef struct _DIR DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);

#endif
