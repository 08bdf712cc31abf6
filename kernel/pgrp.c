/*
 * Process groups and sessions, as the shell's job control and kill(0, ...)
 * know them: a group is the set of processes with one pgid, and a session
 * the set with one sid.  A process starts in its parent's; init leads
 * group 1 and session 1, whose terminal the console is (kernel/tty.c).
 * The ids are the process's, in the procattr its threads share, and a
 * thread names its process (tgid).
 */
#include <stddef.h>
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/errno.h"

#define INIT_PID        1

/* Sends sig to the group pgid (PGRP_ALL: everyone but init and the
 * caller); 0 if some member took it, else the error of the last one. */
long pgrp_kill(int pgid, int sig)
{
	long err = -ESRCH;
	int sent = 0;

	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);

		if (!p || p->state == UNUSED || p->leader != p)
			continue;               /* a process is named by its leader */
		if (pgid == PGRP_ALL ? p->pid == INIT_PID || p == current->leader : p->attr->pgid != pgid)
			continue;
		err = proc_kill_one(p, sig);
		sent |= err == 0;
	}
	return sent ? 0 : err;
}

/* pid 0 is the caller; NULL if there is no such live process. */
static struct proc *target(int pid)
{
	struct proc *p = pid ? proc_find(pid) : current;

	return p && p->state != ZOMBIE ? p : NULL;
}

/* A group lies in one session: that of any member. */
int pgrp_session(int pgid)
{
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);

		if (p && p->state != UNUSED && p->attr->pgid == pgid)
			return p->attr->sid;
	}
	return -1;
}

/* The caller may move itself or a child of its session, not a session
 * leader, into a new group of its own pid or an existing one of the
 * caller's session. */
long sys_setpgid(uint64_t upid, uint64_t upgid, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int pid = (int)upid, pgid = (int)upgid;
	struct proc *p;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (pid < 0 || pgid < 0)
		return -EINVAL;
	p = target(pid);
	if (!p || (p->leader != current->leader && p->parent != current->leader))
		return -ESRCH;
	if (p->attr->sid != current->attr->sid || p->attr->sid == p->tgid)
		return -EPERM;
	if (!pgid)
		pgid = p->tgid;
	if (pgid != p->tgid && pgrp_session(pgid) != current->attr->sid)
		return -EPERM;
	p->attr->pgid = pgid;
	return 0;
}

long sys_getpgid(uint64_t pid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct proc *p = target((int)pid);

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return p ? p->attr->pgid : -ESRCH;
}

long sys_getpgrp(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return current->attr->pgid;
}

long sys_getsid(uint64_t pid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct proc *p = target((int)pid);

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return p ? p->attr->sid : -ESRCH;
}

/* A group leader may not start a session: its group would straddle two. */
long sys_setsid(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);

		if (p && p->state != UNUSED && p->attr->pgid == current->tgid)
			return -EPERM;
	}
	current->attr->pgid = current->attr->sid = current->tgid;
	return current->tgid;
}
