/*
 * Pipes: a one-page ring buffer between a reading and a writing end.
 * Readers sleep while it is empty and some writer remains; writers sleep
 * while it is full and some reader remains.  Writing with no reader left
 * sends the writer SIGPIPE and fails with EPIPE.  An end opened with
 * O_NONBLOCK fails with EAGAIN where it would sleep; a signal cuts a
 * sleep short with -ERESTARTSYS (EINTR, or the call again: SA_RESTART).
 *
 * A write of at most PIPE_BUF bytes is atomic, as POSIX wants: it waits
 * until the whole of it fits, so no other writer's bytes land inside it.
 * A longer one may be split between sleeps.
 *
 * For poll, a read end is readable (POLLIN) when it holds data, and hung up
 * (POLLHUP) when no writer is left; a write end is writable (POLLOUT) when
 * an atomic write fits, as in Linux, so the whole 4 KiB ring must be empty,
 * and in error (POLLERR) when no reader is left.
 *
 *   data:  [ ... | unread bytes | ... ]     read and written are running
 *                ^ read % SIZE  ^ written % SIZE     totals, never wrapped
 */
#include "kernel/pipe.h"
#include "kernel/file.h"
#include "kernel/sched.h"
#include "kernel/poll.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "kernel/proc.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/uaccess.h"

#define PIPE_SIZE       PAGE_SIZE
#define PIPE_BUF        4096            /* POSIX's atomic write size, Linux's value */

_Static_assert(PIPE_BUF <= PIPE_SIZE, "an atomic write must fit in the ring");

struct pipe {
	char *data;
	uint64_t read, written;
	int readers, writers;
	struct poll_queue pollers;      /* of either end */
};

static size_t min(size_t a, size_t b)
{
	return a < b ? a : b;
}

static size_t room(const struct pipe *p)
{
	return PIPE_SIZE - (p->written - p->read);
}

/* Wakes the other end's sleepers, and pollers of either end. */
static void pipe_changed(struct pipe *p)
{
	wakeup(p);
	poll_wake(&p->pollers);
}

/* Waits for the other end to act: 0, or -EAGAIN if f may not sleep, or
 * -ERESTARTSYS if a signal cut the sleep short. */
static int pipe_wait(struct pipe *p, const struct file *f)
{
	if (f->flags & O_NONBLOCK)
		return -EAGAIN;
	return sleep_on(p) < 0 ? -ERESTARTSYS : 0;
}

/* Reading nothing returns at once, as in Linux, even from an empty pipe. */
static long pipe_read(struct file *f, char *ubuf, size_t n)
{
	struct pipe *p = f->priv;
	size_t got = 0;

	while (n && p->read == p->written && p->writers) {
		int err = pipe_wait(p, f);

		if (err < 0)
			return err;
	}
	while (got < n && p->read < p->written) {
		size_t off = p->read % PIPE_SIZE;
		size_t len = min(min(n - got, p->written - p->read), PIPE_SIZE - off);

		if (copy_to_user(ubuf + got, p->data + off, len) < 0)
			return got ? (long)got : -EFAULT;
		p->read += len, got += len;
	}
	pipe_changed(p);
	return got;
}

static long broken_pipe(void)
{
	struct sig_info info = { .code = SI_USER, .pid = current->pid };

	signal_send(current, SIGPIPE, &info);
	return -EPIPE;
}

static long pipe_write(struct file *f, const char *ubuf, size_t n)
{
	struct pipe *p = f->priv;
	size_t done = 0;

	while (done < n) {
		size_t off = p->written % PIPE_SIZE, len;
		size_t want = n <= PIPE_BUF ? n - done : 1;     /* room to wait for */

		while (room(p) < want && p->readers) {
			int err = pipe_wait(p, f);

			if (err < 0)
				return done ? (long)done : err;
		}
		if (!p->readers)
			return done ? (long)done : broken_pipe();
		len = min(min(n - done, room(p)), PIPE_SIZE - off);
		if (copy_from_user(p->data + off, ubuf + done, len) < 0)
			return done ? (long)done : -EFAULT;
		p->written += len, done += len;
		pipe_changed(p);
	}
	return done;
}

static void pipe_release(struct file *f)
{
	struct pipe *p = f->priv;

	if ((f->flags & O_ACCMODE) == O_RDONLY) {
		ASSERT(p->readers > 0);
		p->readers--;
	} else {
		ASSERT(p->writers > 0);
		p->writers--;
	}
	pipe_changed(p);
	if (!p->readers && !p->writers) {
		page_put(pa_page(V2P(p->data)));
		kfree(p);
	}
}

static unsigned pipe_poll(struct file *f)
{
	struct pipe *p = f->priv;
	unsigned ready = 0;

	if ((f->flags & O_ACCMODE) == O_RDONLY) {
		if (p->read < p->written)
			ready |= POLLIN | POLLRDNORM;
		if (!p->writers)
			ready |= POLLHUP;
	} else {
		if (room(p) >= PIPE_BUF)
			ready |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			ready |= POLLERR;
	}
	return ready;
}

static struct poll_queue *pipe_poll_queue(struct file *f)
{
	struct pipe *p = f->priv;

	return &p->pollers;
}

static void pipe_stat(struct file *f, struct kstat *st)
{
	(void)f;
	st->mode = S_IFIFO | 0600;
	st->nlink = 1;
}

static const struct file_ops pipe_ops = {
	.read = pipe_read,
	.write = pipe_write,
	.stat = pipe_stat,
	.release = pipe_release,
	.poll = pipe_poll,
	.poll_queue = pipe_poll_queue,
};

int pipe_create(struct file *ends[2])
{
	struct pipe *p = kzalloc(sizeof(*p));
	struct page *pg = p ? page_alloc() : NULL;

	if (!pg) {
		kfree(p);
		return -ENOMEM;
	}
	p->data = page_va(pg);
	ends[0] = file_new(&pipe_ops, O_RDONLY, p);
	ends[1] = ends[0] ? file_new(&pipe_ops, O_WRONLY, p) : NULL;
	if (!ends[1]) {
		if (ends[0])
			kfree(ends[0]);
		page_put(pg);
		kfree(p);
		return -ENOMEM;
	}
	p->readers = p->writers = 1;
	return 0;
}
