/*
 * Pipes: a one-page ring buffer between a reading and a writing end.
 * Readers sleep while it is empty and some writer remains; writers sleep
 * while it is full and some reader remains.  Writing with no reader left
 * fails with EPIPE (forklab delivers no SIGPIPE).
 *
 *   data:  [ ... | unread bytes | ... ]     read and written are running
 *                ^ read % SIZE  ^ written % SIZE     totals, never wrapped
 */
#include "kernel/pipe.h"
#include "kernel/file.h"
#include "kernel/sched.h"
#include "kernel/errno.h"
#include "kernel/panic.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/uaccess.h"

#define PIPE_SIZE       PAGE_SIZE

struct pipe {
	char *data;
	uint64_t read, written;
	int readers, writers;
};

static size_t min(size_t a, size_t b)
{
	return a < b ? a : b;
}

static long pipe_read(struct file *f, char *ubuf, size_t n)
{
	struct pipe *p = f->priv;
	size_t got = 0;

	while (p->read == p->written && p->writers)
		if (sleep_on(p) < 0)
			return -EINTR;
	while (got < n && p->read < p->written) {
		size_t off = p->read % PIPE_SIZE;
		size_t len = min(min(n - got, p->written - p->read), PIPE_SIZE - off);

		if (copy_to_user(ubuf + got, p->data + off, len) < 0)
			return got ? (long)got : -EFAULT;
		p->read += len, got += len;
	}
	wakeup(p);
	return got;
}

static long pipe_write(struct file *f, const char *ubuf, size_t n)
{
	struct pipe *p = f->priv;
	size_t done = 0;

	while (done < n) {
		size_t off = p->written % PIPE_SIZE, len;

		while (p->written - p->read == PIPE_SIZE && p->readers)
			if (sleep_on(p) < 0)
				return done ? (long)done : -EINTR;
		if (!p->readers)
			return done ? (long)done : -EPIPE;
		len = min(min(n - done, PIPE_SIZE - (p->written - p->read)), PIPE_SIZE - off);
		if (copy_from_user(p->data + off, ubuf + done, len) < 0)
			return done ? (long)done : -EFAULT;
		p->written += len, done += len;
		wakeup(p);
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
	wakeup(p);
	if (!p->readers && !p->writers) {
		page_put(pa_page(V2P(p->data)));
		kfree(p);
	}
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
