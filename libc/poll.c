/* poll, ppoll, select, pselect: each one system call.  ppoll and pselect
 * take a const timeout, so the kernel, which writes the time left back,
 * is given a copy. */
#include <poll.h>
#include <sys/select.h>
#include "syscall.h"

#define SIGSET_BYTES	8	/* the kernel's sigset_t */

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
	return __sysret(SYSCALL(SYS_poll, fds, nfds, timeout_ms));
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout,
	  const sigset_t *mask)
{
	struct timespec t = timeout ? *timeout : (struct timespec){ 0, 0 };

	return __sysret(SYSCALL(SYS_ppoll, fds, nfds, timeout ? &t : NULL, mask,
				SIGSET_BYTES));
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *timeout)
{
	return __sysret(SYSCALL(SYS_select, nfds, rd, wr, ex, timeout));
}

int pselect(int nfds, fd_set *rd, fd_set *wr, fd_set *ex,
	    const struct timespec *timeout, const sigset_t *mask)
{
	struct timespec t = timeout ? *timeout : (struct timespec){ 0, 0 };
	struct { const sigset_t *set; unsigned long size; } m = { mask, SIGSET_BYTES };

	return __sysret(SYSCALL(SYS_pselect6, nfds, rd, wr, ex, timeout ? &t : NULL, &m));
}
