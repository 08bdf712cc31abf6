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

#include <abi/dirent.h>

typedef struct _DIR DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);

#endif
