/*
 * Signals, as Linux delivers them: a source marks a signal pending, and
 * the process takes it on its way back to user mode (user_return(),
 * arch/entry.c), where signal_deliver() runs the default action or pushes
 * a frame that starts the handler (sigframe.c).
 *
 *   struct proc (a thread)
 *   +-- sig.hand->action[NSIG]   handler, flags, restorer, mask   (rt_sigaction),
 *   |                            shared by the threads of a process
 *   +-- sig.blocked        bit sig-1: held back, stays pending (rt_sigprocmask)
 *   +-- sig.pending        bit sig-1: sent, not yet taken
 *   +-- sig.info[NSIG]     what the sender said, for siginfo
 *   +-- sig.altstack       sigaltstack, for SA_ONSTACK
 *   +-- killed             SIGKILL: ends the process at the next chance
 *
 * A standard signal sent twice before it is taken is taken once, as in
 * Linux; forklab does not queue real-time signals either.  A signal
 * whose action is to ignore it is dropped when sent, unless blocked or
 * awaited by rt_sigtimedwait.
 * SIGKILL and SIGSTOP can be neither caught nor blocked.
 *
 * The mask and the pending set are the thread's.  A signal to a thread
 * (tgkill, a fault) is pending for it; one to the process (kill, SIGCHLD,
 * SIGALRM) is made pending for one of its threads that does not block
 * it, or for its first thread if all do, where it waits until that thread
 * unblocks it (Linux keeps a set for the process, which any thread that
 * unblocks the signal takes).  SIGKILL and every fatal action end all the
 * threads (proc_exit).
 */
#include <string.h>
#include "kernel/signal.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/printk.h"
#include "kernel/errno.h"
#include "mm/heap.h"
#include "arch/pit.h"

#define UNBLOCKABLE     (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))
#define INIT_PID        1
#define SYSCALL_LEN     2               /* the syscall instruction, 0f 05 */

int signal_ignored_by_default(int sig)
{
	return sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
}

/* Signals whose default action stops a process: with no job control to
 * stop it, kill refuses them rather than end the process. */
int signal_stops(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

int signal_is_default(const struct proc *p, int sig)
{
	return p->sig.hand->action[sig - 1].handler == SIG_DFL;
}

static int ignored(const struct proc *p, int sig)
{
	uint64_t h = p->sig.hand->action[sig - 1].handler;

	return h == SIG_IGN || (h == SIG_DFL && signal_ignored_by_default(sig));
}

/* Marks sig pending for p and wakes p if it may take it.  Init takes only
 * the signals it has handlers for, as in Linux. */
int signal_send(struct proc *p, int sig, const struct sig_info *info)
{
	struct signals *s = &p->sig;

	if (sig == SIGKILL) {
		p->killed = SIGKILL;
		wake_process(p);
		return 0;
	}
	if (!((s->blocked | s->waiting) & SIGBIT(sig)) && ignored(p, sig))
		return 0;
	if (p->tgid == INIT_PID && signal_is_default(p, sig))
		return 0;
	if (!(s->pending & SIGBIT(sig)))
		s->info[sig - 1] = *info;
	s->pending |= SIGBIT(sig);
	if (!(s->blocked & SIGBIT(sig)))
		wake_process(p);
	return 0;
}

/* The live thread of p's process that is to take sig. */
static struct proc *taker(struct proc *p, int sig)
{
	struct proc *l = p->leader, *first = thread_next(l, NULL);

	for (struct proc *t = first; t; t = thread_next(l, t))
		if (!(t->sig.blocked & SIGBIT(sig)))
			return t;
	return first;
}

int signal_send_process(struct proc *p, int sig, const struct sig_info *info)
{
	struct proc *t = taker(p, sig);

	if (sig != SIGKILL)
		return t ? signal_send(t, sig, info) : 0;
	for (; t; t = thread_next(p->leader, t))
		signal_send(t, sig, info);
	return 0;
}

int signal_pending(const struct proc *p)
{
	return p->killed || (p->sig.pending & ~p->sig.blocked);
}

/*
 * A fault in user mode: 1 if a handler will run for it, 0 if the process
 * is to die of it (no handler, or the signal is blocked or ignored: a
 * program cannot go on past a fault it does not handle).
 */
int signal_fault(int sig, int code, uint64_t addr)
{
	struct signals *s = &current->sig;
	uint64_t h = s->hand->action[sig - 1].handler;

	if (h == SIG_DFL || h == SIG_IGN || (s->blocked & SIGBIT(sig)))
		return 0;
	s->info[sig - 1] = (struct sig_info){ .code = code, .addr = addr };
	s->pending |= SIGBIT(sig);
	return 1;
}

static int next_signal(const struct signals *s)
{
	uint64_t ready = s->pending & ~s->blocked;

	return ready ? __builtin_ctzl(ready) + 1 : 0;
}

/* A system call cut short by a signal: run it again, or fail with EINTR. */
static void restart_or_eintr(struct trapframe *tf, int restart)
{
	if (tf->vector != T_SYSCALL || current->syscall_nr < 0 ||
	    tf->rax != (uint64_t)-ERESTARTSYS)
		return;
	if (restart) {
		tf->rip -= SYSCALL_LEN;
		tf->rax = current->syscall_nr;
	} else {
		tf->rax = -EINTR;
	}
	current->syscall_nr = -1;
}

static void __attribute__((noreturn)) die(int sig)
{
	proc_exit(W_SIGNALED(sig));
}

/* Starts the handler of sig; a frame that cannot be pushed kills with SIGSEGV. */
static void run_handler(struct trapframe *tf, int sig)
{
	struct signals *s = &current->sig;
	struct ksigaction act = s->hand->action[sig - 1];
	struct sigframe_args a = { sig, &s->info[sig - 1], &act,
				   s->restore_mask ? s->saved_mask : s->blocked };

	restart_or_eintr(tf, act.flags & SA_RESTART);
	if (sigframe_push(tf, &a) < 0) {
		pr_info("pid %d (%s): cannot push a signal frame, killed by signal %d\n",
			current->pid, current->name, SIGSEGV);
		die(SIGSEGV);
	}
	s->restore_mask = 0;
	s->blocked |= act.mask & ~UNBLOCKABLE;
	if (!(act.flags & SA_NODEFER))
		s->blocked |= SIGBIT(sig);
	if (act.flags & SA_RESETHAND)
		s->hand->action[sig - 1] = (struct ksigaction){ SIG_DFL, 0, 0, 0 };
}

/*
 * On the way back to user mode: takes every signal it may, and returns 1
 * if tf was rewritten, so that every register of it must be restored
 * (iretq, not sysret, which loses rcx and r11).
 */
int signal_deliver(struct trapframe *tf)
{
	struct signals *s = &current->sig;
	int sig, rewritten = 0;

	proc_check_killed();
	while ((sig = next_signal(s))) {
		uint64_t h = s->hand->action[sig - 1].handler;

		s->pending &= ~SIGBIT(sig);
		if (h == SIG_IGN || (h == SIG_DFL && signal_ignored_by_default(sig)))
			continue;
		if (h == SIG_DFL)
			die(sig);
		run_handler(tf, sig);
		rewritten = 1;
	}
	if (tf->vector == T_SYSCALL && current->syscall_nr >= 0 &&
	    tf->rax == (uint64_t)-ERESTARTSYS) {
		restart_or_eintr(tf, 1);
		rewritten = 1;
	}
	if (s->restore_mask) {
		s->blocked = s->saved_mask;
		s->restore_mask = 0;
	}
	rewritten |= s->restore_all;
	s->restore_all = 0;
	return rewritten;
}

struct sighand *signal_hand_new(void)
{
	struct sighand *h = kzalloc(sizeof(*h));

	if (h)
		h->users = 1;
	return h;
}

/* One struct copy into memory not zeroed first: the whole of it is
 * written at once. */
struct sighand *signal_hand_copy(const struct sighand *h)
{
	struct sighand *c = kmalloc(sizeof(*c));

	if (c) {
		*c = *h;
		c->users = 1;
	}
	return c;
}

void signal_hand_put(struct sighand *h)
{
	if (h && --h->users == 0)
		kfree(h);
}

/* fork: the child has the parent's mask and alternate stack (a thread has
 * none, as in Linux).  Its actions, child->sig.hand, the caller has set (a
 * share for a thread, else a copy); the rest of child->sig is still zero
 * from proc_alloc(): nothing pending or waited for, no alarm.  Copying the
 * whole of the parent's and clearing it again would copy the per-signal
 * info too, most of the struct. */
void signal_fork(struct proc *child, const struct proc *parent, int share_hand)
{
	child->sig.blocked = parent->sig.blocked;
	if (share_hand)                 /* a thread: its stack is not the parent's */
		child->sig.altstack = (struct altstack){ 0, 0, SS_DISABLE };
	else
		child->sig.altstack = parent->sig.altstack;
}

/* execve: caught signals go back to their default, the handlers being
 * gone with the old program; ignored ones, the mask and what is pending
 * stay, as POSIX says. */
void signal_exec(struct proc *p)
{
	for (int i = 0; i < NSIG; i++) {
		struct ksigaction *a = &p->sig.hand->action[i];

		if (a->handler != SIG_IGN)
			*a = (struct ksigaction){ SIG_DFL, 0, 0, 0 };
		else
			a->flags = 0;
	}
	p->sig.altstack = (struct altstack){ 0, 0, SS_DISABLE };
}

/* From the timer interrupt: SIGALRM for every process whose alarm is due. */
void signal_tick(void)
{
	uint64_t now = ticks();
	struct sig_info info = { .code = SI_KERNEL };

	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);

		if (!p || p->state == ZOMBIE || !p->sig.alarm_tick || p->sig.alarm_tick > now)
			continue;
		p->sig.alarm_tick = p->sig.alarm_interval ? now + p->sig.alarm_interval : 0;
		signal_send_process(p, SIGALRM, &info);
	}
}
