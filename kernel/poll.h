/*
 * Readiness of files, for poll and select (kernel/poll.c).
 *
 * A file says what it is ready for through its ops' poll, which returns
 * POLL* bits (kernel/uapi.h) without sleeping; a file without one is
 * always ready, as Linux's regular files are.  A file whose readiness may
 * have changed (data in, space out, an end closed) calls poll_wake() after
 * waking its own sleepers, from an interrupt handler too.
 */
#ifndef KERNEL_POLL_H
#define KERNEL_POLL_H

struct file;

unsigned file_poll(struct file *f);     /* POLL* bits f is ready for now */
void poll_wake(void);                   /* some file's readiness may have changed */

#endif
