/*
 * Threads.  A thread is a struct proc, as a task is in Linux; the threads
 * of one process form a thread group, whose first thread is its leader.
 * The thread id is the pid field, the process id (getpid) is tgid, the
 * leader's pid.  What the threads share is held by pointer and counted:
 *
 *      leader                     thread                   thread
 *   +-------------------+      +-------------------+    +----------------
 *   | pid = tgid = 7    |<-----+ leader, tgid = 7  |    | leader ---> 7
 *   | leader = itself   |      | pid = 8           |    | pid = 9
 *   | threads = 3       |      |                   |    |
 *   | group_exit        |      | kernel stack, tf  |    | kernel stack ...
 *   | wait_status       |      | fs_base, fpu      |    |
 *   | parent, children  |      | sig.blocked       |    |
 *   | threads_gone      |      | sig.pending       |    |
 *   | kernel stack, tf..|      | clear_child_tid   |    |
 *   +---+-----+-----+---+      +---+-----+-----+---+    +---+-----+-----+
 *       |     |     |              |     |     |            |     |     |
 *       v     v     v              |     |     |            |     |     |
 *      mm    fdt  sig.hand <-------+-----+-----+------------+-----+-----+
 *   (mm_get, fdtable_get, sighand users: CLONE_VM, CLONE_FILES, CLONE_SIGHAND;
 *    and attr, procattr_get: CLONE_THREAD, drawn in kernel/procattr.c)
 *
 * Each thread has its own kernel stack and trapframe, FS base (its TLS),
 * FPU state, blocked mask, pending signals (tgkill's), clear_child_tid
 * and CPU time.  The group's state is in the leader: the count of threads
 * not yet ended, the exit status, the parent and the children, and what
 * the ended threads used.  A signal to the process (kill) stays pending in
 * the shared sig.hand until a thread that does not block it takes it
 * (kernel/signal.c), and the interval timer is there too.  The process
 * group and session, the fork mode and the resource limits are in the
 * shared attr: setpgid, setsid, setrlimit and PR_SET_FORK_MODE in one
 * thread hold for all.
 *
 * Life: clone with CLONE_THREAD adds a thread; exit ends the caller only
 * (a thread other than the leader is freed at once, no one waits for it);
 * the last thread to end ends the process, and its leader, a zombie until
 * then, reports to the parent as a single-threaded process does.
 * exit_group and a fatal signal set the group's status and mark the other
 * threads killed, which makes each end at its next way out of the kernel.
 * execve first ends every other thread, and a thread other than the leader
 * that calls it takes the leader's place and pid (proc_take_leader_place).
 * fork copies the calling thread only, as POSIX says.
 *
 * Page tables: the threads share one mm, hence one pgd, and may run on
 * several CPUs at once: whatever changes a table (fork's write protection,
 * brk, munmap, mprotect, an odf table copied at a fault) does so under the
 * big kernel lock and flushes every CPU that runs the mm by TLB shootdown
 * (mm/tlb.c; docs/odf.md).
 */
#include <stddef.h>
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/errno.h"

void thread_group_init(struct proc *p)
{
	p->leader = p;
	p->tgid = p->pid;
	p->threads = 1;
}

/* t is a new thread of creator's process. */
void thread_join(struct proc *t, struct proc *creator)
{
	struct proc *l = creator->leader;

	t->leader = l;
	t->tgid = l->tgid;
	t->parent = l->parent;
	l->threads++;
}

struct proc *thread_next(struct proc *leader, struct proc *t)
{
	for (int i = t ? t->slot + 1 : 0; i < NPROC; i++) {
		struct proc *q = proc_at(i);

		if (q && q->leader == leader && q->state != UNUSED && q->state != ZOMBIE)
			return q;
	}
	return NULL;
}

/* The caller's process is ending, or exec'ing: every other thread ends at
 * its next way out of the kernel (proc_check_killed). */
void thread_kill_others(void)
{
	struct proc *l = current->leader;

	for (struct proc *t = thread_next(l, NULL); t; t = thread_next(l, t)) {
		if (t == current)
			continue;
		t->killed = SIGKILL;
		wake_process(t);
	}
}

/* t has ended (a ZOMBIE now): its use counts for the process. */
void thread_ended(struct proc *t)
{
	struct proc *l = t->leader;

	if (t != l) {
		usage_add(&l->threads_gone, &t->usage);
		t->detached = 1;        /* the scheduler frees it */
	}
	l->threads--;
	wakeup(&l->threads);            /* an exec waiting for the others */
}

/*
 * execve from a thread of a threaded process: the others end first, as
 * for exit_group, but quietly (group_exit tells them not to set a status
 * of their own); then the caller is the process.  If the caller is
 * killed meanwhile the process ends with it: -EINTR.
 */
long thread_exec_alone(void)
{
	struct proc *l = current->leader;

	if (l->threads > 1) {
		if (l->group_exit)
			return -EINTR;          /* the process is ending already */
		l->group_exit = 1;
		l->wait_status = W_SIGNALED(SIGKILL);
		thread_kill_others();
		while (l->threads > 1)
			if (sleep_killable(&l->threads) < 0)
				return -EINTR;
		l->group_exit = 0;
	}
	if (l != current)
		proc_take_leader_place(l);
	return 0;
}

/* CLOCK_PROCESS_CPUTIME_ID and getrusage(RUSAGE_SELF): the whole process. */
uint64_t group_cpu_ns(struct proc *p)
{
	struct proc *l = p->leader;
	uint64_t ns = l->threads_gone.cpu_ns + (l->state == ZOMBIE ? proc_cpu_ns(l) : 0);

	for (struct proc *t = thread_next(l, NULL); t; t = thread_next(l, t))
		ns += proc_cpu_ns(t);
	return ns;
}
