/*
 * Waiting for any of several files: poll, ppoll, select, pselect6.
 *
 * A poller asks each of its files' poll op what it is ready for; if none
 * is ready it sleeps on one channel shared by every poller, the timer's,
 * and looks at them all again when woken:
 *
 *     poller --sleep_on--> timer channel <--wakeup-- every tick (timeouts)
 *                                        <--poll_wake-- pipe read/write/close
 *                                                       console input
 *
 * One channel is enough because a look is cheap (a few ops, no sleeping)
 * and correct because nothing runs between a look and the sleep (one CPU,
 * no kernel preemption: kernel/sched.h).  A poller may wake for a change
 * of some file it does not watch, and on every tick; it then looks and
 * sleeps again.  Timeouts need nothing more: the tick wakes the poller,
 * which compares the clock with its deadline.
 */
#include "kernel/poll.h"
#include "kernel/file.h"
#include "kernel/sched.h"

#define DEFAULT_POLLMASK  (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM)

unsigned file_poll(struct file *f)
{
	return f->ops->poll ? f->ops->poll(f) : DEFAULT_POLLMASK;
}

void poll_wake(void)
{
	wakeup(timer_channel());
}
