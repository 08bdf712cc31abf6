/*
 * What a process's threads share besides memory, open files and signal
 * actions: its process group and session, its fork mode and its resource
 * limits.  One struct procattr per process, counted like struct sighand:
 *
 *   thread 7 (leader)   thread 8       thread 9
 *     attr --+            attr --+       attr --+
 *            |                   |              |
 *            +-------------------+--------------+
 *            v
 *   struct procattr   users = 3
 *     pgid, sid       process group and session (pgrp.c)
 *     fork_mode       how fork copies memory (prctl)
 *     rlimits[]       as setrlimit left them (sys_info.c)
 *
 * A new thread (CLONE_THREAD) takes a share, any other child a copy, so
 * setpgid, setsid, setrlimit and PR_SET_FORK_MODE made by one thread hold
 * for the whole process at once, and its children inherit them.  execve
 * keeps them.  proc_free lets go of a thread's share, so the struct lasts
 * as long as the process has a zombie: wait4 asks a zombie's group.
 */
#include "kernel/proc.h"
#include "mm/heap.h"

/* init's: its fork mode from the command line, the limits forklab has;
 * proc_start_init names its group and session. */
struct procattr *procattr_new(void)
{
	struct procattr *a = kzalloc(sizeof(*a));

	if (a) {
		a->users = 1;
		a->fork_mode = default_fork_mode;
		rlimit_init(a->rlimits);
	}
	return a;
}

struct procattr *procattr_copy(const struct procattr *a)
{
	struct procattr *c = kmalloc(sizeof(*c));

	if (c) {
		*c = *a;
		c->users = 1;
	}
	return c;
}

struct procattr *procattr_get(struct procattr *a)
{
	a->users++;
	return a;
}

void procattr_put(struct procattr *a)
{
	if (a && --a->users == 0)
		kfree(a);
}
