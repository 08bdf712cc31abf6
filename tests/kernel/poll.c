/* Readiness as file ops report it (kernel/poll.h): a pipe's two ends and
 * a file without a poll op; and the queues pollers wait on: a change wakes
 * the pollers of its own file, not those of another.  Data through a pipe
 * is tests/user/poll_pipes. */
#include "tests/ktest.h"
#include "kernel/file.h"
#include "kernel/pipe.h"
#include "kernel/poll.h"
#include "kernel/proc.h"

KTEST(poll, empty_pipe)
{
	struct file *ends[2];

	KEXPECT_EQ(pipe_create(ends), 0);
	KEXPECT_EQ(file_poll(ends[0]), 0);
	KEXPECT_EQ(file_poll(ends[1]), POLLOUT | POLLWRNORM);
	file_put(ends[0]);
	file_put(ends[1]);
}

KTEST(poll, pipe_hangup)
{
	struct file *ends[2];

	KEXPECT_EQ(pipe_create(ends), 0);
	file_put(ends[1]);
	KEXPECT_EQ(file_poll(ends[0]), POLLHUP);
	file_put(ends[0]);
	KEXPECT_EQ(pipe_create(ends), 0);
	file_put(ends[0]);
	KEXPECT_EQ(file_poll(ends[1]), POLLOUT | POLLWRNORM | POLLERR);
	file_put(ends[1]);
}

KTEST(poll, no_poll_op_always_ready)
{
	static const struct file_ops plain = { 0 };
	struct file *f = file_new(&plain, O_RDONLY, NULL);

	KEXPECT(f != NULL);
	KEXPECT_EQ(file_poll(f), POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
	file_put(f);
}

/* A poller stands in for one asleep in poll: only wake_process touches it. */
static struct proc sleeper;

KTEST(poll, change_wakes_only_its_pollers)
{
	struct poll_table pt = { .poller = &sleeper };
	struct file *a[2], *b[2];

	KEXPECT_EQ(pipe_create(a), 0);
	KEXPECT_EQ(pipe_create(b), 0);
	KEXPECT_EQ(poll_watch(&pt, a[0]), 0);
	KEXPECT_EQ(a[0]->ref, 2);                       /* the entry holds it */
	sleeper.state = SLEEPING;
	file_put(b[1]);                                 /* another pipe's change */
	KEXPECT_EQ(sleeper.state, SLEEPING);
	file_put(a[1]);                                 /* its own: a hangup */
	KEXPECT_EQ(sleeper.state, RUNNABLE);
	poll_unwatch(&pt);
	KEXPECT_EQ(a[0]->ref, 1);
	file_put(a[0]);
	file_put(b[0]);
}

/* Two entries on one queue, both woken; leaving takes both off. */
KTEST(poll, every_poller_of_a_file_wakes)
{
	static struct proc other;
	struct poll_table p1 = { .poller = &sleeper }, p2 = { .poller = &other };
	struct poll_queue *q;
	struct file *ends[2];

	KEXPECT_EQ(pipe_create(ends), 0);
	q = ends[0]->ops->poll_queue(ends[0]);
	poll_watch(&p1, ends[0]);
	poll_watch(&p2, ends[1]);                       /* the other end: one queue */
	sleeper.state = other.state = SLEEPING;
	poll_wake(q);
	KEXPECT_EQ(sleeper.state, RUNNABLE);
	KEXPECT_EQ(other.state, RUNNABLE);
	poll_unwatch(&p1);
	poll_unwatch(&p2);
	KEXPECT(q->first == NULL);
	file_put(ends[0]);
	file_put(ends[1]);
}
