/* Signals: sending them, and installing handlers. */
#include <signal.h>
#include <unistd.h>
#include "syscall.h"

/* The kernel returns from a handler through sa_restorer when this is set. */
#define SA_RESTORER	0x04000000

void __restore_rt(void);	/* sigreturn.S */

int kill(pid_t pid, int sig)
{
	return __sysret(SYSCALL(SYS_kill, pid, sig));
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction k;

	if (act) {
		k = *act;
		k.sa_flags |= SA_RESTORER;
		k.sa_restorer = __restore_rt;
		act = &k;
	}
	return __sysret(SYSCALL(SYS_rt_sigaction, sig, act, old, sizeof(sigset_t)));
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler, .sa_flags = SA_RESTART };
	struct sigaction old;

	return sigaction(sig, &act, &old) < 0 ? SIG_ERR : old.sa_handler;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	*set |= 1UL << (sig - 1);
	return 0;
}
