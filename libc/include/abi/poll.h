/* Readiness, as poll and select report it, with Linux's values, and
 * poll's array of descriptors.  Shared by the kernel (kernel/uapi.h, and
 * each file's poll op) and <poll.h>. */
#ifndef _ABI_POLL_H
#define _ABI_POLL_H

#define POLLIN		0x001
#define POLLPRI		0x002
#define POLLOUT		0x004
#define POLLERR		0x008	/* reported whether asked for or not */
#define POLLHUP		0x010	/* so is this */
#define POLLNVAL	0x020	/* and this: the descriptor is not open */
#define POLLRDNORM	0x040
#define POLLRDBAND	0x080
#define POLLWRNORM	0x100
#define POLLWRBAND	0x200

struct pollfd {
	int fd;			/* negative: skipped */
	short events;		/* asked for */
	short revents;		/* found */
};

#endif
