/*
 * Descriptor tables.  A process's descriptors live in a table of their own,
 * apart from struct proc, so that the threads of a process (CLONE_FILES)
 * share one: it counts its users, and the last to let go closes its files.
 * The system calls reach descriptors through fd_file() and fd_install()
 * (kernel/sys_file.c), never through the table directly.
 */
#ifndef KERNEL_FDTABLE_H
#define KERNEL_FDTABLE_H

#include <stdint.h>

#define NOFILE          64

struct file;

struct fdtable {
	int users;
	int top;                        /* file[top..] were never set: fork skips them */
	uint64_t cloexec;               /* bit n: close file[n] on execve */
	struct file *file[NOFILE];
};

struct fdtable *fdtable_new(void);      /* empty, one user; NULL when out of memory */
struct fdtable *fdtable_copy(struct fdtable *t);        /* fork: every file shared */
void fdtable_get(struct fdtable *t);
void fdtable_put(struct fdtable *t);    /* the last user closes every file; NULL: none */
void fdtable_set(struct fdtable *t, int fd, struct file *f);    /* fd names f now */

#endif
