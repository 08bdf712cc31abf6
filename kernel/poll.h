/*
 * Readiness of files, for poll and select (kernel/poll.c).
 *
 * A file says what it is ready for through its ops' poll, which returns
 * POLL* bits (kernel/uapi.h) without sleeping; a file without one is
 * always ready, as Linux's regular files are.  A file whose readiness can
 * change also gives, through its ops' poll_queue, the queue its pollers
 * wait on, and calls poll_wake() on it after each change (data in, space
 * out, an end closed, a change of mode), from an interrupt handler too.
 *
 * A poller that has to wait puts one entry on the queue of each file it
 * watches, then sleeps; poll_wake wakes the poller of each entry on the
 * queue, and no other:
 *
 *   P's poll_table:  entries[0]         entries[1]
 *                        |                  |
 *   pipe's queue:  first -> [Q's] -> [P's]  |         (Q polls the pipe too)
 *   tty's queue:   first ------------------> [P's]
 *
 * Each entry holds a reference to its file, so that the queue outlives it
 * even if the descriptor is closed while the poller sleeps.
 */
#ifndef KERNEL_POLL_H
#define KERNEL_POLL_H

#include "kernel/fdtable.h"

struct file;
struct proc;

struct poll_queue {
	struct poll_entry *first;
};

struct poll_entry {
	struct poll_entry *next, **pprev;       /* in the file's queue */
	struct file *file;
	struct proc *poller;
};

/* One poller's entries: at most one per pollfd or descriptor it watches. */
struct poll_table {
	struct proc *poller;
	int n;
	struct poll_entry entries[NOFILE];
};

unsigned file_poll(struct file *f);     /* POLL* bits f is ready for now */
/* file_poll, with pt's poller put on f's queue (pt NULL: only the look). */
unsigned poll_watch(struct poll_table *pt, struct file *f);
void poll_unwatch(struct poll_table *pt);              /* off every queue */
void poll_wake(struct poll_queue *q);                  /* q's file changed */

#endif
