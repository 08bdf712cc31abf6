#ifndef KERNEL_PIPE_H
#define KERNEL_PIPE_H

struct file;

/* Makes a pipe: ends[0] reads, ends[1] writes.  0 or -ENOMEM. */
int pipe_create(struct file *ends[2]);

#endif
