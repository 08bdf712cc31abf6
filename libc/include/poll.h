/* Waiting for descriptors to be ready: poll and ppoll, Linux's values. */
#ifndef _POLL_H
#define _POLL_H

#include <signal.h>
#include <sys/types.h>

#include <abi/poll.h>

typedef unsigned long nfds_t;

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *mask);

#endif
