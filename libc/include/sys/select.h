/* Waiting for descriptors to be ready: select and pselect.  A set holds
 * FD_SETSIZE bits, as in the other C libraries; forklab's kernel looks at
 * the first 64, a process's descriptors. */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <signal.h>
#include <sys/time.h>
#include <sys/types.h>

#define FD_SETSIZE	1024
#define FD_WORD_BITS	(8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long bits[FD_SETSIZE / FD_WORD_BITS];
} fd_set;

#define FD_ZERO(s)	__builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s)	((s)->bits[(fd) / FD_WORD_BITS] |= 1UL << ((fd) % FD_WORD_BITS))
#define FD_CLR(fd, s)	((s)->bits[(fd) / FD_WORD_BITS] &= ~(1UL << ((fd) % FD_WORD_BITS)))
#define FD_ISSET(fd, s)	(((s)->bits[(fd) / FD_WORD_BITS] >> ((fd) % FD_WORD_BITS)) & 1)

/* select writes the time left back into *timeout, as Linux's does. */
int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *timeout);
int pselect(int nfds, fd_set *rd, fd_set *wr, fd_set *ex,
	    const struct timespec *timeout, const sigset_t *mask);

#endif
