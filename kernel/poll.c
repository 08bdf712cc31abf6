/*
 * Waiting for any of several files: poll, ppoll, select, pselect6.
 *
 * A poller asks each of its files' poll op what it is ready for.  The
 * first look also puts the poller on each file's queue (kernel/poll.h);
 * if nothing is ready it sleeps until one of its files changes, a signal
 * comes, or, if it has a deadline, the next tick, and looks again:
 *
 *     poller --sleep_on--> its own channel (no deadline)
 *                          or the timer channel (a deadline to check)
 *        ^
 *        +-- wake_process -- poll_wake(file's queue) <-- pipe read/write/close
 *                                                        console input, tty mode
 *
 * Only a poller with a deadline wakes on each tick, and it wakes for no
 * file it does not watch.  Nothing runs between a look and the sleep (one
 * CPU, no kernel preemption: kernel/sched.h), so no change is missed.
 * The poller leaves every queue before it returns.
 */
#include "kernel/poll.h"
#include "kernel/file.h"
#include "kernel/sched.h"
#include "kernel/proc.h"
#include "kernel/signal.h"
#include "kernel/syscall.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "mm/uaccess.h"
#include "arch/tsc.h"

#define DEFAULT_POLLMASK  (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM)
#define AT_ONCE         0               /* deadlines: do not wait */
#define FOREVER         UINT64_MAX      /* no timeout */

/* What select counts as readable, writable, exceptional: Linux's sets. */
#define SELECT_IN       (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define SELECT_OUT      (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define SELECT_EX       POLLPRI
#define NSETS           3               /* select's read, write, except sets */

/* One look at every file a poller watches, through poll_watch(pt, ...):
 * how many are ready (their results kept in arg), or -errno. */
typedef int (*look_fn)(void *arg, struct poll_table *pt);

unsigned file_poll(struct file *f)
{
	return f->ops->poll ? f->ops->poll(f) : DEFAULT_POLLMASK;
}

unsigned poll_watch(struct poll_table *pt, struct file *f)
{
	struct poll_queue *q = f->ops->poll_queue ? f->ops->poll_queue(f) : NULL;
	struct poll_entry *e;

	if (pt && q) {
		e = &pt->entries[pt->n++];
		file_get(f);
		*e = (struct poll_entry){ q->first, &q->first, f, pt->poller };
		if (q->first)
			q->first->pprev = &e->next;
		q->first = e;
	}
	return file_poll(f);
}

/* Each entry leaves its queue before its file is let go: the last
 * reference may free the queue. */
void poll_unwatch(struct poll_table *pt)
{
	for (int i = 0; i < pt->n; i++) {
		struct poll_entry *e = &pt->entries[i];

		*e->pprev = e->next;
		if (e->next)
			e->next->pprev = e->pprev;
		file_put(e->file);
	}
	pt->n = 0;
}

void poll_wake(struct poll_queue *q)
{
	for (struct poll_entry *e = q->first; e; e = e->next)
		wake_process(e->poller);
}

/* The deadline of a wait of sec and nsec from now (valid values). */
static uint64_t deadline_in(uint64_t sec, uint64_t nsec)
{
	uint64_t now = time_ns();

	if (!sec && !nsec)
		return AT_ONCE;
	if (sec >= (FOREVER - now) / NS_PER_SEC - 1)
		return FOREVER;                 /* past what the clock counts */
	return now + sec * NS_PER_SEC + nsec;
}

static uint64_t time_left(uint64_t deadline)
{
	uint64_t now = time_ns();

	return deadline > now ? deadline - now : 0;
}

/*
 * Looks until something is ready, a signal is to be taken (-EINTR, never
 * restarted: a poller's handler always sees EINTR, as in Linux) or the
 * deadline passes (0).  Readiness wins over a signal, and a signal over a
 * timeout, so a signal pending at a zero timeout still gives EINTR.
 */
static long wait_ready(look_fn look, void *arg, uint64_t deadline)
{
	struct poll_table pt = { .poller = current };
	long r = look(arg, deadline == AT_ONCE ? NULL : &pt);

	while (!r) {
		if (signal_pending(current)) {
			r = -EINTR;
			break;
		}
		if (deadline == AT_ONCE || time_ns() >= deadline)
			break;
		sleep_on(deadline == FOREVER ? (void *)&pt : timer_channel());  /* &pt: a channel of its own */
		r = look(arg, NULL);
	}
	poll_unwatch(&pt);
	return r;
}

struct poll_set {
	struct pollfd fds[NOFILE];
	unsigned int n;
};

/* A negative fd is skipped, a closed one is POLLNVAL; POLLERR and POLLHUP
 * are reported whether asked for or not. */
static int look_poll(void *arg, struct poll_table *pt)
{
	struct poll_set *ps = arg;
	int ready = 0;

	for (unsigned int i = 0; i < ps->n; i++) {
		struct pollfd *p = &ps->fds[i];
		struct file *f = p->fd < 0 ? NULL : fd_file(p->fd);

		p->revents = 0;
		if (p->fd >= 0 && !f)
			p->revents = POLLNVAL;
		else if (f)
			p->revents = poll_watch(pt, f) & ((unsigned short)p->events | POLLERR | POLLHUP);
		ready += p->revents != 0;
	}
	return ready;
}

/* poll and ppoll: the results go back even when the wait was interrupted.
 * More entries than a process has descriptors give EINVAL, as Linux gives
 * for more than RLIMIT_NOFILE. */
static long do_poll(uint64_t ufds, uint64_t unfds, uint64_t deadline)
{
	struct poll_set ps = { .n = (unsigned int)unfds };
	struct pollfd *user = (struct pollfd *)ufds;
	long r;

	if (ps.n > NOFILE)
		return -EINVAL;
	if (copy_from_user(ps.fds, user, ps.n * sizeof(ps.fds[0])) < 0)
		return -EFAULT;
	r = wait_ready(look_poll, &ps, deadline);
	for (unsigned int i = 0; i < ps.n; i++)
		if (copy_to_user(&user[i].revents, &ps.fds[i].revents, sizeof(short)) < 0)
			return -EFAULT;
	return r;
}

/* A negative timeout (an int of milliseconds) waits for ever. */
long sys_poll(uint64_t ufds, uint64_t nfds, uint64_t utimeout, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int ms = (int)utimeout;

	(void)a3, (void)a4, (void)a5;
	return do_poll(ufds, nfds, ms < 0 ? FOREVER :
		       deadline_in(ms / MS_PER_SEC, (uint64_t)(ms % MS_PER_SEC) * NS_PER_MS));
}

/* A timespec's deadline (FOREVER for none), or -EINVAL, -EFAULT. */
static long read_deadline(uint64_t uts, uint64_t *deadline)
{
	struct timespec ts;

	*deadline = FOREVER;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, (void *)uts, sizeof(ts)) < 0)
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	*deadline = deadline_in(ts.sec, ts.nsec);
	return 0;
}

/* ppoll, pselect6, select write the time left back (Linux does; the C
 * libraries' ppoll and pselect hide it), but not after a zero timeout;
 * memory that cannot take it is no error once the wait is over. */
static void put_time_left(uint64_t uts, uint64_t deadline, int as_timeval)
{
	uint64_t left = time_left(deadline);
	struct timespec ts = ns_timespec(left);
	struct timeval tv = ns_timeval(left);

	if (!uts || deadline == AT_ONCE)
		return;
	if (as_timeval)
		copy_to_user((void *)uts, &tv, sizeof(tv));
	else
		copy_to_user((void *)uts, &ts, sizeof(ts));
}

/* A mask to wait with (kernel/sys_signal.c): back to the old one at the
 * end unless a signal's handler is to run with it. */
static long finish_masked(long r)
{
	if (r != -EINTR)
		signal_end_wait();
	return r;
}

long sys_ppoll(uint64_t ufds, uint64_t nfds, uint64_t uts, uint64_t umask, uint64_t size, uint64_t a5)
{
	uint64_t deadline;
	long r = read_deadline(uts, &deadline);

	(void)a5;
	if (r < 0)
		return r;
	if (umask && (r = signal_wait_mask(umask, size)) < 0)
		return r;
	r = finish_masked(do_poll(ufds, nfds, deadline));
	put_time_left(uts, deadline, 0);
	return r;
}

struct select_set {
	uint64_t want[NSETS], got[NSETS];
	int n;
};

static const unsigned select_mask[NSETS] = { SELECT_IN, SELECT_OUT, SELECT_EX };

/* Starts afresh each time; a descriptor in a set that is not open gives
 * EBADF. */
static int look_select(void *arg, struct poll_table *pt)
{
	struct select_set *s = arg;
	int ready = 0;

	s->got[0] = s->got[1] = s->got[2] = 0;
	for (int fd = 0; fd < s->n; fd++) {
		uint64_t bit = 1UL << fd;
		struct file *f = fd_file(fd);
		unsigned mask;

		if (!((s->want[0] | s->want[1] | s->want[2]) & bit))
			continue;
		if (!f)
			return -EBADF;
		mask = poll_watch(pt, f);
		for (int k = 0; k < NSETS; k++)
			if ((s->want[k] & bit) && (mask & select_mask[k])) {
				s->got[k] |= bit;
				ready++;
			}
	}
	return ready;
}

/*
 * select and pselect6.  A process has NOFILE (64) descriptors, so a set
 * is one 64-bit word, and a larger nfds is cut to NOFILE as Linux cuts it
 * to the size of its table.  Bits at or past nfds are not looked at, and
 * come back clear.  The sets are written back unless the wait was
 * interrupted or failed.
 */
static long do_select(int nfds, const uint64_t usets[NSETS], uint64_t deadline)
{
	struct select_set s = { .n = nfds < NOFILE ? nfds : NOFILE };
	uint64_t in_range = s.n == NOFILE ? ~0UL : (1UL << s.n) - 1;
	long r;

	if (nfds < 0)
		return -EINVAL;
	for (int k = 0; k < NSETS && s.n; k++) {
		if (usets[k] && copy_from_user(&s.want[k], (void *)usets[k], sizeof(uint64_t)) < 0)
			return -EFAULT;
		s.want[k] &= in_range;
	}
	r = wait_ready(look_select, &s, deadline);
	if (r < 0)
		return r;
	for (int k = 0; k < NSETS && s.n; k++)
		if (usets[k] && copy_to_user((void *)usets[k], &s.got[k], sizeof(uint64_t)) < 0)
			return -EFAULT;
	return r;
}

/* Linux takes a timeval whose microseconds pass a second and carries them;
 * a negative part gives EINVAL. */
long sys_select(uint64_t nfds, uint64_t urd, uint64_t uwr, uint64_t uex, uint64_t utv, uint64_t a5)
{
	const uint64_t sets[NSETS] = { urd, uwr, uex };
	uint64_t deadline = FOREVER;
	struct timeval tv;
	long r;

	(void)a5;
	if (utv) {
		if (copy_from_user(&tv, (void *)utv, sizeof(tv)) < 0)
			return -EFAULT;
		tv.sec = (int64_t)((uint64_t)tv.sec + (uint64_t)(tv.usec / USEC_PER_SEC));
		tv.usec %= USEC_PER_SEC;
		if (tv.sec < 0 || tv.usec < 0)
			return -EINVAL;
		deadline = deadline_in(tv.sec, tv.usec * NS_PER_USEC);
	}
	r = do_select((int)nfds, sets, deadline);
	put_time_left(utv, deadline, 1);
	return r;
}

/* pselect6's sixth argument: where the mask is, and its size. */
struct mask_arg {
	uint64_t set, size;
};

long sys_pselect6(uint64_t nfds, uint64_t urd, uint64_t uwr, uint64_t uex, uint64_t uts, uint64_t umask)
{
	const uint64_t sets[NSETS] = { urd, uwr, uex };
	struct mask_arg m = { 0, 0 };
	uint64_t deadline;
	long r = read_deadline(uts, &deadline);

	if (r < 0)
		return r;
	if (umask && copy_from_user(&m, (void *)umask, sizeof(m)) < 0)
		return -EFAULT;
	if (m.set && (r = signal_wait_mask(m.set, m.size)) < 0)
		return r;
	r = finish_masked(do_select((int)nfds, sets, deadline));
	put_time_left(uts, deadline, 0);
	return r;
}
