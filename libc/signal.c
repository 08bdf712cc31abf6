/* Signals: sending them, installing handlers, masks and waiting. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include "syscall.h"

#define SIGSET_SIZE	sizeof(sigset_t)

void __restore_rt(void);	/* sigreturn.S */

int kill(pid_t pid, int sig)
{
	return __sysret(SYSCALL(SYS_kill, pid, sig));
}

int killpg(pid_t pgrp, int sig)
{
	return kill(-pgrp, sig);
}

/* To this thread, as POSIX says of raise(). */
int raise(int sig)
{
	return __sysret(SYSCALL(SYS_tgkill, getpid(), gettid(), sig));
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
	return __sysret(SYSCALL(SYS_rt_sigaction, sig, act, old, SIGSET_SIZE));
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler, .sa_flags = SA_RESTART };
	struct sigaction old;

	return sigaction(sig, &act, &old) < 0 ? SIG_ERR : old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return __sysret(SYSCALL(SYS_rt_sigprocmask, how, set, old, SIGSET_SIZE));
}

int sigpending(sigset_t *set)
{
	return __sysret(SYSCALL(SYS_rt_sigpending, set, SIGSET_SIZE));
}

int sigsuspend(const sigset_t *mask)
{
	return __sysret(SYSCALL(SYS_rt_sigsuspend, mask, SIGSET_SIZE));
}

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
	return __sysret(SYSCALL(SYS_rt_sigtimedwait, set, info, timeout, SIGSET_SIZE));
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return sigtimedwait(set, info, NULL);
}

/* POSIX's sigwait returns the error rather than setting errno. */
int sigwait(const sigset_t *set, int *sig)
{
	int r;

	do
		r = SYSCALL(SYS_rt_sigtimedwait, set, NULL, NULL, SIGSET_SIZE);
	while (r == -EINTR);
	if (r < 0)
		return -r;
	*sig = r;
	return 0;
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
	return __sysret(SYSCALL(SYS_sigaltstack, ss, old));
}

int pause(void)
{
	return __sysret(SYSCALL(SYS_pause));
}

unsigned int alarm(unsigned int seconds)
{
	return SYSCALL(SYS_alarm, seconds);
}

static int bad_signal(int sig)
{
	return sig < 1 || sig >= NSIG;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	*set = ~0UL;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return __sysret(-EINVAL);
	*set |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return __sysret(-EINVAL);
	*set &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return __sysret(-EINVAL);
	return (*set >> (sig - 1)) & 1;
}
