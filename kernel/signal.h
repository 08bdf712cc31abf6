/* Signals: numbers, per-process state, and the kernel's ways to send and
 * deliver them (kernel/signal.c; the frame on the user stack: sigframe.c). */
#ifndef KERNEL_SIGNAL_H
#define KERNEL_SIGNAL_H

#include <stdint.h>
#include "arch/trap.h"
#include "kernel/uapi.h"

/*
 * A blocking system call that a signal cuts short returns -ERESTARTSYS;
 * on the way out, signal_deliver() turns it into -EINTR, or rewinds the
 * call to run again if the handler has SA_RESTART (or no handler ran).
 * No program ever sees the number.
 */
#define ERESTARTSYS     512

#define SIGBIT(sig)     (1UL << ((sig) - 1))

/* struct sigaction as Linux's rt_sigaction reads and writes it. */
struct ksigaction {
	uint64_t handler, flags, restorer, mask;
};

/* What a pending signal carries into siginfo; one per signal, not queued. */
struct sig_info {
	int code;
	int pid;
	int status;             /* SIGCHLD: the child's exit code or signal */
	uint64_t addr;          /* faults: the address at fault */
};

struct altstack {
	uint64_t sp, size;
	int flags;              /* SS_DISABLE, or 0 */
};

/* The process's signal state, apart from its threads, which share it
 * (CLONE_SIGHAND) and count its users: the actions, the signals sent to
 * the process that no thread has taken yet, and its interval timer. */
struct sighand {
	int users;
	struct ksigaction action[NSIG];
	uint64_t pending;               /* kill, SIGCHLD, SIGALRM: for any thread */
	struct sig_info info[NSIG];     /* what their senders said */
	uint64_t alarm_tick, alarm_interval;    /* ITIMER_REAL, in ticks; 0: off */
};

struct signals {
	struct sighand *hand;           /* shared by the threads of a process */
	struct sig_info info[NSIG];
	uint64_t blocked, pending;      /* pending: sent to this thread alone */
	uint64_t waiting;               /* rt_sigtimedwait's set, while it waits */
	uint64_t saved_mask;            /* rt_sigsuspend: the mask to go back to */
	int restore_mask;               /* saved_mask is set */
	int restore_all;                /* rt_sigreturn rewrote the user registers */
	struct altstack altstack;
};

struct proc;

int signal_send(struct proc *p, int sig, const struct sig_info *info);  /* 0; to thread p */
int signal_send_process(struct proc *p, int sig, const struct sig_info *info);  /* p's process */
int signal_pending(const struct proc *p);       /* one to take now: sleeps end */
int signal_take(uint64_t set, struct sig_info *info);  /* current's lowest of set, or 0 */
uint64_t signal_pending_set(const struct proc *p);     /* the thread's and the process's */
void signal_discard(struct proc *p, int sig);   /* now ignored: pending ones go */
int signal_fault(int sig, int code, uint64_t addr);     /* 0: the caller kills */
int signal_deliver(struct trapframe *tf);       /* 1: tf rewritten, use iretq */
struct sighand *signal_hand_new(void);  /* default actions, one user; or NULL */
struct sighand *signal_hand_copy(const struct sighand *h);  /* one user; or NULL */
void signal_hand_put(struct sighand *h);        /* NULL: nothing */
void signal_fork(struct proc *child, const struct proc *parent, int share_hand);
void signal_exec(struct proc *p);
void signal_tick(void);                         /* timer: SIGALRM when due */
int signal_ignored_by_default(int sig);
int signal_stops(int sig);                      /* kill refuses these */
int signal_is_default(const struct proc *p, int sig);
long signal_wait_mask(uint64_t uset, uint64_t size);   /* sys_signal.c */
void signal_end_wait(void);

/* sigframe.c: the frame a handler runs on, and rt_sigreturn. */
struct sigframe_args {
	int sig;
	const struct sig_info *info;
	const struct ksigaction *act;
	uint64_t old_mask;
};
int sigframe_push(struct trapframe *tf, const struct sigframe_args *a);
int sigframe_pop(struct trapframe *tf, uint64_t *mask);
int on_altstack(const struct altstack *ss, uint64_t sp);
long siginfo_to_user(void *uinfo, int sig, const struct sig_info *info);

#endif
