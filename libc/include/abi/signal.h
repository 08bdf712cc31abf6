/*
 * Signals as Linux's x86-64 system calls number them: the signals, the
 * flags of rt_sigaction and sigaltstack, and the si_code values the
 * kernel reports.  Shared by the kernel (kernel/uapi.h) and <signal.h>.
 */
#ifndef _ABI_SIGNAL_H
#define _ABI_SIGNAL_H

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
#define SIGRTMAX	64	/* the highest signal */

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004	/* the handler takes siginfo and ucontext */
#define SA_RESTORER	0x04000000	/* return from a handler through sa_restorer */
#define SA_ONSTACK	0x08000000	/* run on the sigaltstack */
#define SA_RESTART	0x10000000	/* interrupted calls resume */
#define SA_NODEFER	0x40000000	/* the signal is not blocked in its handler */
#define SA_RESETHAND	0x80000000UL	/* the action goes back to SIG_DFL */

#define SS_ONSTACK	1
#define SS_DISABLE	2

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

#endif
