/*
 * Signals, as Linux delivers them: a source marks a signal pending, and
 * the process takes it on its way back to user mode (user_return(),
 * arch/entry.c), where signal_deliver() runs the default action or pushes
 * a frame that starts the handler (sigframe.c).
 *
 *   struct proc (a thread)
 *   +-- sig.blocked        bit sig-1: held back, stays pending (rt_sigprocmask)
 *   +-- sig.pending        bit sig-1: sent to this thread (tgkill, a fault)
 *   +-- sig.info[NSIG]     what the sender said, for siginfo
 *   +-- sig.altstack       sigaltstack, for SA_ONSTACK
 *   +-- killed             SIGKILL: ends the process at the next chance
 *   +-- sig.hand --------> struct sighand, one per process, shared by its threads
 *                          +-- action[NSIG]  handler, flags, restorer, mask
 *                          +-- pending       sent to the process (kill,
 *                          |                 SIGCHLD, SIGALRM): any thread's
 *                          +-- info[NSIG]
 *
 * A standard signal sent twice before it is taken is taken once, as in
 * Linux; forklab does not queue real-time signals either.  A signal
 * whose action is to ignore it is dropped when sent, unless blocked or
 * awaited by rt_sigtimedwait.
 * SIGKILL and SIGSTOP can be neither caught nor blocked.
 *
 * The mask is the thread's.  A signal to the process stays pending for
 * the process until a thread that does not block it takes it: on its way
 * back to user mode, which sending wakes one such thread for, or when a
 * thread unblocks it (rt_sigprocmask, rt_sigsuspend) or waits for it
 * (rt_sigtimedwait).  A thread takes its own signals before its
 * process's.  SIGKILL and every fatal action end all the threads
 * (proc_exit).
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

/* Whether sig, sent now, is lost: its action is to ignore it and no
 * thread holds it back (held: blocked or awaited by rt_sigtimedwait), or
 * it is for init, which has no handler for it. */
static int dropped(const struct proc *p, int sig, uint64_t held)
{
	if (!(held & SIGBIT(sig)) && ignored(p, sig))
		return 1;
	return p->tgid == INIT_PID && signal_is_default(p, sig);
}

/* A signal pending once keeps its first sender's info. */
static void mark(uint64_t *pending, struct sig_info *infos, int sig, const struct sig_info *info)
{
	if (!(*pending & SIGBIT(sig)))
		infos[sig - 1] = *info;
	*pending |= SIGBIT(sig);
}

/* Marks sig pending for thread p and wakes p if it may take it. */
int signal_send(struct proc *p, int sig, const struct sig_info *info)
{
	struct signals *s = &p->sig;

	if (sig == SIGKILL) {
		p->killed = SIGKILL;
		wake_process(p);
		return 0;
	}
	if (dropped(p, sig, s->blocked | s->waiting))
		return 0;
	mark(&s->pending, s->info, sig, info);
	if (!(s->blocked & SIGBIT(sig)))
		wake_process(p);
	return 0;
}

/* Marks sig pending for p's process, for whichever thread takes it first,
 * and wakes one thread that does not block it, if any. */
int signal_send_process(struct proc *p, int sig, const struct sig_info *info)
{
	struct proc *l = p->leader, *t;
	struct sighand *h = p->sig.hand;
	uint64_t held = 0;

	if (sig == SIGKILL) {
		for (t = thread_next(l, NULL); t; t = thread_next(l, t))
			signal_send(t, sig, info);
		return 0;
	}
	for (t = thread_next(l, NULL); t; t = thread_next(l, t))
		held |= t->sig.blocked | t->sig.waiting;
	if (dropped(p, sig, held))
		return 0;
	mark(&h->pending, h->info, sig, info);
	for (t = thread_next(l, NULL); t; t = thread_next(l, t))
		if (!(t->sig.blocked & SIGBIT(sig))) {
			wake_process(t);
			break;
		}
	return 0;
}

uint64_t signal_pending_set(const struct proc *p)
{
	return p->sig.pending | p->sig.hand->pending;
}

int signal_pending(const struct proc *p)
{
	return p->killed || (signal_pending_set(p) & ~p->sig.blocked);
}

/* Takes the lowest signal of set pending for the calling thread, or else
 * for its process (a thread's own come first, as in Linux), with its info:
 * the signal, or 0 if none is. */
int signal_take(uint64_t set, struct sig_info *info)
{
	struct signals *s = &current->sig;
	uint64_t *pending = &s->pending;
	struct sig_info *infos = s->info;
	int sig;

	if (!(*pending & set)) {
		pending = &s->hand->pending;
		infos = s->hand->info;
	}
	if (!(*pending & set))
		return 0;
	sig = __builtin_ctzl(*pending & set) + 1;
	*pending &= ~SIGBIT(sig);
	*info = infos[sig - 1];
	return sig;
}

/* sig's action has become to ignore it: none of it stays pending, for the
 * process or any of its threads (POSIX). */
void signal_discard(struct proc *p, int sig)
{
	struct proc *l = p->leader;

	p->sig.hand->pending &= ~SIGBIT(sig);
	for (struct proc *t = thread_next(l, NULL); t; t = thread_next(l, t))
		t->sig.pending &= ~SIGBIT(sig);
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
static void run_handler(struct trapframe *tf, int sig, const struct sig_info *info)
{
	struct signals *s = &current->sig;
	struct ksigaction act = s->hand->action[sig - 1];
	struct sigframe_args a = { sig, info, &act,
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
	struct sig_info info;
	int sig, rewritten = 0;

	proc_check_killed();
	while ((sig = signal_take(~s->blocked, &info))) {
		uint64_t h = s->hand->action[sig - 1].handler;

		if (h == SIG_IGN || (h == SIG_DFL && signal_ignored_by_default(sig)))
			continue;
		if (h == SIG_DFL)
			die(sig);
		run_handler(tf, sig, &info);
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

/* A new process's: the actions copied, nothing pending and no alarm (the
 * process's own state).  Its info[] is left unwritten: an entry is read
 * only for a pending signal, whose sender wrote it. */
struct sighand *signal_hand_copy(const struct sighand *h)
{
	struct sighand *c = kmalloc(sizeof(*c));

	if (c) {
		memcpy(c->action, h->action, sizeof(c->action));
		c->users = 1;
		c->pending = 0;
		c->alarm_tick = c->alarm_interval = 0;
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
 * from proc_alloc(): nothing pending or waited for (a new process's own
 * pending set and alarm, in its sighand, start empty too).  Copying the
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

/* From the timer interrupt: SIGALRM for every process whose timer is due.
 * The threads of a process share its timer: the first of them seen
 * reloads or stops it, so it fires once. */
void signal_tick(void)
{
	uint64_t now = ticks();
	struct sig_info info = { .code = SI_KERNEL };

	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);
		struct sighand *h;

		if (!p || p->state == UNUSED || p->state == ZOMBIE)
			continue;
		h = p->sig.hand;
		if (!h->alarm_tick || h->alarm_tick > now)
			continue;
		h->alarm_tick = h->alarm_interval ? now + h->alarm_interval : 0;
		signal_send_process(p, SIGALRM, &info);
	}
}
