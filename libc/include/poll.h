/* Waiting for descriptors to be ready: poll and ppoll, Linux's values. */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <sys/types.h>

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

typedef unsigned long nfds_t;

struct pollfd {
	int fd;			/* negative: skipped */
	short events;		/* asked for */
	short revents;		/* found */
};

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *mask);

#endif
