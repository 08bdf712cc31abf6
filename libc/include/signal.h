/*
 * Signals, with Linux's numbers and layouts: struct sigaction is the one
 * rt_sigaction reads, siginfo_t the one the kernel writes.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <stddef.h>
#include <sys/types.h>
#include <abi/signal.h>

#define NSIG		(SIGRTMAX + 1)	/* one more than the highest signal */

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

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

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
