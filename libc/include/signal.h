/*
 * Signals, with Linux's numbers and layouts: struct sigaction is the one
 * rt_sigaction reads, siginfo_t the one the kernel writes.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <stddef.h>
#include <sys/types.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31

#define SIGRTMIN	34
#define SIGRTMAX	64
#define NSIG		65

typedef void (*sighandler_t)(int);

#define SIG_DFL		((sighandler_t)0)
#define SIG_IGN		((sighandler_t)1)
#define SIG_ERR		((sighandler_t)-1)

/* One bit per signal: bit sig - 1. */
typedef unsigned long sigset_t;

typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		struct {
			pid_t si_pid;
			uid_t si_uid;
			int si_status;	/* SIGCHLD: exit code or signal */
		};
		void *si_addr;		/* faults: the address */
		char __pad[112];
	};
} siginfo_t;

/* Laid out as rt_sigaction reads it. */
struct sigaction {
	union {
		sighandler_t sa_handler;
		void (*sa_sigaction)(int, siginfo_t *, void *);	/* SA_SIGINFO */
	};
	unsigned long sa_flags;
	void (*sa_restorer)(void);	/* set by sigaction() itself */
	sigset_t sa_mask;		/* blocked while the handler runs */
};

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004	/* the handler takes siginfo and ucontext */
#define SA_ONSTACK	0x08000000	/* run on the sigaltstack */
#define SA_RESTART	0x10000000	/* interrupted calls resume */
#define SA_NODEFER	0x40000000	/* the signal is not blocked in its handler */
#define SA_RESETHAND	0x80000000	/* the action goes back to SIG_DFL */

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* si_code values. */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_TKILL	(-6)
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* a mapping that forbids the access */
#define BUS_ADRERR	2
#define ILL_ILLOPN	2
#define FPE_INTDIV	1
#define TRAP_BRKPT	1
#define CLD_EXITED	1
#define CLD_KILLED	2

typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

#define SS_ONSTACK	1
#define SS_DISABLE	2
#define MINSIGSTKSZ	2048
#define SIGSTKSZ	8192

int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);
sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigaltstack(const stack_t *ss, stack_t *old);
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
int sigwait(const sigset_t *set, int *sig);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
