/*
 * Waiting for children: wait4 and waitid.  A child is a process (its
 * leader stands for it; threads are never waited for) whose parent is the
 * caller's process, so any thread may wait.  It can be reported once
 * its last thread has ended; then it is reaped, unless waitid's WNOWAIT
 * leaves it to be waited for again.
 */
#include <stdint.h>
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/uaccess.h"

#define WAIT4_OPTIONS   (WNOHANG | WUNTRACED | WCONTINUED)
#define WAITID_OPTIONS  (WNOHANG | WUNTRACED | WCONTINUED | WEXITED | WNOWAIT)

/* Which children a wait takes: pid or pgid if > 0, else any; exits: an
 * ended child is reported (waitid without WEXITED reports none, since
 * no child is ever stopped or continued). */
struct wait_for {
	int pid, pgid, exits;
};

/* What a wait reports of the child it takes. */
struct waited {
	int pid, status;
	struct usage usage;
};

static int wanted(const struct proc *c, const struct wait_for *w)
{
	if (c->parent != current->leader || c->leader != c || (c->state == ZOMBIE && c->detached))
		return 0;
	return (w->pid <= 0 || c->pid == w->pid) && (w->pgid <= 0 || c->attr->pgid == w->pgid);
}

/* Takes the report of ended child z, and reaps it unless told not to.
 * wait4 reports its usage and its reaped children's, as Linux does. */
static void take(struct proc *z, int reap, struct waited *out)
{
	out->pid = z->pid;
	out->status = z->wait_status;
	out->usage = z->usage;
	usage_add(&out->usage, &z->threads_gone);
	usage_add(&out->usage, &z->children);
	if (!reap)
		return;
	usage_add(&current->leader->children, &out->usage);
	proc_free(z);
}

/* The child's pid, 0 with WNOHANG if none has ended, -ECHILD if there is
 * no such child, -ERESTARTSYS if a signal is to be taken. */
static long wait_child(const struct wait_for *w, int options, struct waited *out)
{
	for (;;) {
		int children = 0;

		for (int i = 0; i < NPROC; i++) {
			struct proc *c = proc_at(i);

			if (!c || !wanted(c, w))
				continue;
			children++;
			if (w->exits && c->state == ZOMBIE && !c->threads) {
				take(c, !(options & WNOWAIT), out);
				return out->pid;
			}
		}
		if (!children)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		if (signal_pending(current))
			return -ERESTARTSYS;    /* a child that ended meanwhile is reported first */
		sleep_on(current->leader);
	}
}

/* The status pointer is checked only when there is a status to store:
 * with no child to report, Linux gives ECHILD or 0, never EFAULT.  A
 * child whose status cannot be stored is reaped all the same. */
long sys_wait4(uint64_t upid, uint64_t ustatus, uint64_t uoptions, uint64_t urusage, uint64_t a4, uint64_t a5)
{
	int pid = (int)upid, options = (int)uoptions;
	struct wait_for w = { pid > 0 ? pid : 0, pid < -1 ? -pid : 0, 1 };
	struct waited out;
	long r;

	(void)a4, (void)a5;
	if (options & ~WAIT4_OPTIONS)
		return -EINVAL;
	if (pid == INT32_MIN)
		return -ESRCH;
	if (pid == 0)
		w.pgid = current->attr->pgid;
	r = wait_child(&w, options, &out);
	if (r <= 0)
		return r;
	if (ustatus && copy_to_user((void *)ustatus, &out.status, sizeof(int)) < 0)
		r = -EFAULT;
	if (urusage && rusage_to_user((void *)urusage, &out.usage) < 0)
		r = -EFAULT;
	return r;
}

/* waitid's siginfo: SIGCHLD's, or all zero when WNOHANG found no child. */
static long waitid_info(uint64_t uinfo, long r, const struct waited *out)
{
	int sig = W_TERMSIG(out->status);
	struct sig_info info = {
		.code = sig ? CLD_KILLED : CLD_EXITED, .pid = out->pid,
		.status = sig ? sig : W_EXITSTATUS(out->status),
	};
	struct sig_info none = { 0 };

	if (!uinfo)
		return 0;
	return r ? siginfo_to_user((void *)uinfo, SIGCHLD, &info) :
		   siginfo_to_user((void *)uinfo, 0, &none);
}

/* waitid(idtype, id, infop, options, rusage): P_ALL, P_PID, P_PGID (id 0:
 * the caller's group); options must ask for exits, stops or continues.
 * 0 when a child was reported (or none, with WNOHANG). */
long sys_waitid(uint64_t idtype, uint64_t uid, uint64_t uinfo, uint64_t uoptions, uint64_t urusage, uint64_t a5)
{
	int id = (int)uid, options = (int)uoptions;
	struct wait_for w = { 0, 0, options & WEXITED };
	struct waited out = { 0 };
	long r;

	(void)a5;
	if ((options & ~WAITID_OPTIONS) || !(options & (WEXITED | WUNTRACED | WCONTINUED)))
		return -EINVAL;
	if ((int)idtype == P_PID && id > 0)
		w.pid = id;
	else if ((int)idtype == P_PGID && id >= 0)
		w.pgid = id ? id : current->attr->pgid;
	else if ((int)idtype != P_ALL)
		return -EINVAL;
	r = wait_child(&w, options, &out);
	if (r < 0)
		return r;
	if (waitid_info(uinfo, r, &out) < 0)
		return -EFAULT;
	if (urusage && r && rusage_to_user((void *)urusage, &out.usage) < 0)
		return -EFAULT;
	return 0;
}
