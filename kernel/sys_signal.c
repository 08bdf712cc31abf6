/* Signal system calls: actions, masks, waiting, sending, the alternate
 * stack, and the return from a handler. */
#include "kernel/syscall.h"
#include "kernel/signal.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "kernel/printk.h"
#include "mm/uaccess.h"
#include "arch/pit.h"

#define SIGSET_SIZE     8               /* the kernel's sigset_t: 64 bits */
#define UNBLOCKABLE     (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))
#define SIG_BLOCK       0
#define SIG_UNBLOCK     1
#define SIG_SETMASK     2
#define MINSIGSTKSZ     2048
#define SS_AUTODISARM   (1U << 31)      /* accepted; the stack stays armed */

static int valid_signal(int sig)
{
	return sig >= 1 && sig <= NSIG;
}

/* Linux reads the new action first, and writes the old one after the
 * change: a bad old-action pointer fails the call with the change made. */
long sys_rt_sigaction(uint64_t usig, uint64_t uact, uint64_t uold, uint64_t size, uint64_t a4, uint64_t a5)
{
	int sig = (int)usig;
	struct ksigaction act, old;

	(void)a4, (void)a5;
	if (size != SIGSET_SIZE || !valid_signal(sig))
		return -EINVAL;
	if (uact && copy_from_user(&act, (const void *)uact, sizeof(act)) < 0)
		return -EFAULT;
	if (uact && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	old = current->sig.hand->action[sig - 1];
	if (uact) {
		act.mask &= ~UNBLOCKABLE;
		current->sig.hand->action[sig - 1] = act;
		if (act.handler == SIG_IGN ||
		    (act.handler == SIG_DFL && signal_ignored_by_default(sig)))
			signal_discard(current, sig);
	}
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

static long change_mask(int how, uint64_t set)
{
	uint64_t *blocked = &current->sig.blocked;

	set &= ~UNBLOCKABLE;
	if (how == SIG_BLOCK)
		*blocked |= set;
	else if (how == SIG_UNBLOCK)
		*blocked &= ~set;
	else if (how == SIG_SETMASK)
		*blocked = set;
	else
		return -EINVAL;
	return 0;
}

long sys_rt_sigprocmask(uint64_t uhow, uint64_t uset, uint64_t uold, uint64_t size, uint64_t a4, uint64_t a5)
{
	uint64_t set, old = current->sig.blocked;
	long err;

	(void)a4, (void)a5;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (uset) {
		if (copy_from_user(&set, (const void *)uset, sizeof(set)) < 0)
			return -EFAULT;
		if ((err = change_mask((int)uhow, set)) < 0)
			return err;
	}
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

/* The signals sent, to the thread or its process, but blocked. */
long sys_rt_sigpending(uint64_t uset, uint64_t size, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	uint64_t set = signal_pending_set(current) & current->sig.blocked;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (size > SIGSET_SIZE)
		return -EINVAL;
	return copy_to_user((void *)uset, &set, size) < 0 ? -EFAULT : 0;
}

/* Sleeps until a signal is to be taken; then -EINTR, whatever SA_RESTART
 * says, once its handler has run. */
static long wait_for_signal(void)
{
	while (!signal_pending(current))
		sleep_on(&current->sig);
	return -EINTR;
}

long sys_pause(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return wait_for_signal();
}

/* The mask at uset (size bytes) for a wait: rt_sigsuspend, ppoll,
 * pselect6.  The handler of the signal that ends the wait runs with it;
 * the old mask comes back after that handler, or at signal_end_wait(). */
long signal_wait_mask(uint64_t uset, uint64_t size)
{
	struct signals *s = &current->sig;
	uint64_t set;

	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&set, (const void *)uset, sizeof(set)) < 0)
		return -EFAULT;
	s->saved_mask = s->blocked;
	s->restore_mask = 1;
	s->blocked = set & ~UNBLOCKABLE;
	return 0;
}

/* A wait that ends without a signal puts the old mask back at once, so
 * that no signal it unblocked is taken after all. */
void signal_end_wait(void)
{
	struct signals *s = &current->sig;

	if (s->restore_mask)
		s->blocked = s->saved_mask;
	s->restore_mask = 0;
}

long sys_rt_sigsuspend(uint64_t uset, uint64_t size, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	long err = signal_wait_mask(uset, size);

	(void)a2, (void)a3, (void)a4, (void)a5;
	return err < 0 ? err : wait_for_signal();
}

/* The tick a wait of *ts ends at, or 0 for no timeout. */
static long wait_end(uint64_t uts, uint64_t *end)
{
	struct timespec ts;

	*end = 0;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, (const void *)uts, sizeof(ts)) < 0)
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	*end = ticks() + (uint64_t)ts.sec * HZ + ((uint64_t)ts.nsec + NS_PER_TICK - 1) / NS_PER_TICK;
	return 0;
}

/* Takes the lowest signal of set that is pending, or waits for one until
 * the tick end (0: for ever): the signal, -EAGAIN, or -EINTR for another. */
static long take_from(uint64_t set, uint64_t end, uint64_t uinfo)
{
	struct sig_info info;

	for (;;) {
		int sig = signal_take(set, &info);

		if (sig) {
			if (uinfo && siginfo_to_user((void *)uinfo, sig, &info) < 0)
				return -EFAULT;
			return sig;
		}
		if (end && ticks() >= end)
			return -EAGAIN;
		if (signal_pending(current))
			return -EINTR;
		sleep_on(end ? timer_channel() : (void *)&current->sig);
	}
}

/* The signals of set are let through while it waits (so that they wake
 * it), kept even if their action is to ignore them, and taken here rather
 * than by a handler. */
long sys_rt_sigtimedwait(uint64_t uset, uint64_t uinfo, uint64_t uts, uint64_t size, uint64_t a4, uint64_t a5)
{
	uint64_t set, end, blocked = current->sig.blocked;
	long r;

	(void)a4, (void)a5;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&set, (const void *)uset, sizeof(set)) < 0)
		return -EFAULT;
	if ((r = wait_end(uts, &end)) < 0)
		return r;
	set &= ~UNBLOCKABLE;
	current->sig.blocked &= ~set;
	current->sig.waiting = set;
	r = take_from(set, end, uinfo);
	current->sig.waiting = 0;
	current->sig.blocked = blocked;
	return r;
}

long sys_rt_sigreturn(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	uint64_t mask;

	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	current->syscall_nr = -1;               /* what it returns is no call's result */
	if (sigframe_pop(current->tf, &mask) < 0) {
		pr_info("pid %d (%s): bad signal frame, killed by signal %d\n",
			current->pid, current->name, SIGSEGV);
		proc_exit(W_SIGNALED(SIGSEGV));
	}
	current->sig.blocked = mask & ~UNBLOCKABLE;
	current->sig.restore_all = 1;
	return current->tf->rax;
}

struct stack_t {
	uint64_t sp;
	int32_t flags;
	uint64_t size;
};

static long set_altstack(const struct stack_t *ss)
{
	int flags = ss->flags & ~SS_AUTODISARM;

	if (on_altstack(&current->sig.altstack, current->tf->rsp))
		return -EPERM;
	if (flags != 0 && flags != SS_DISABLE)
		return -EINVAL;
	if (flags == SS_DISABLE) {
		current->sig.altstack = (struct altstack){ 0, 0, SS_DISABLE };
		return 0;
	}
	if (ss->size < MINSIGSTKSZ)
		return -ENOMEM;
	current->sig.altstack = (struct altstack){ ss->sp, ss->size, 0 };
	return 0;
}

long sys_sigaltstack(uint64_t uss, uint64_t uold, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	const struct altstack *cur = &current->sig.altstack;
	struct stack_t old = { cur->sp, cur->size ? cur->flags : SS_DISABLE, cur->size }, ss;
	long err;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (on_altstack(cur, current->tf->rsp))
		old.flags |= SS_ONSTACK;
	if (uss) {
		if (copy_from_user(&ss, (const void *)uss, sizeof(ss)) < 0)
			return -EFAULT;
		if ((err = set_altstack(&ss)) < 0)
			return err;
	}
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

/* A signal to one thread, named by its id; with tgkill its process must match. */
static long thread_kill(int tgid, int tid, int sig)
{
	struct proc *p = proc_find(tid);
	struct sig_info info = { .code = SI_TKILL, .pid = current->tgid };

	if (tid <= 0 || (sig && !valid_signal(sig)) || signal_stops(sig))
		return -EINVAL;
	if (!p || p->state == ZOMBIE || (tgid >= 0 && p->tgid != tgid))
		return -ESRCH;
	return sig ? signal_send(p, sig, &info) : 0;
}

long sys_tgkill(uint64_t tgid, uint64_t tid, uint64_t sig, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a3, (void)a4, (void)a5;
	if ((int)tgid <= 0)
		return -EINVAL;
	return thread_kill((int)tgid, (int)tid, (int)sig);
}

long sys_tkill(uint64_t tid, uint64_t sig, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return thread_kill(-1, (int)tid, (int)sig);
}
