/*
 * Directory streams.  getdents64 fills a buffer with variable-length
 * records (struct dirent); readdir() hands them out one at a time and
 * refills the buffer when it is used up.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "syscall.h"

#define DIR_BUF_SIZE	4096

struct _DIR {
	int fd;
	size_t pos, len;		/* records not yet returned: buf[pos..len) */
	_Alignas(struct dirent) char buf[DIR_BUF_SIZE];
};

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = calloc(1, sizeof(*d));
	if (!d)
		close(fd);
	else
		d->fd = fd;
	return d;
}

/* NULL at the end, or on an error (errno tells them apart). */
struct dirent *readdir(DIR *d)
{
	struct dirent *e;

	if (d->pos == d->len) {
		long n = __sysret(SYSCALL(SYS_getdents64, d->fd, d->buf, sizeof(d->buf)));

		if (n <= 0)
			return NULL;
		d->pos = 0;
		d->len = n;
	}
	e = (struct dirent *)(d->buf + d->pos);
	d->pos += e->d_reclen;
	return e;
}

int closedir(DIR *d)
{
	int ret = close(d->fd);

	free(d);
	return ret;
}
