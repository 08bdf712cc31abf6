/* Processes: creating, replacing, ending and waiting for them. */
#include <unistd.h>
#include <sys/wait.h>
#include "syscall.h"

pid_t fork(void)
{
	return __sysret(SYSCALL(SYS_fork));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __sysret(SYSCALL(SYS_execve, path, argv, envp));
}

/* exit_group: every thread goes, though we only ever have one. */
void _exit(int status)
{
	for (;;)
		SYSCALL(SYS_exit_group, status);
}

pid_t getpid(void)
{
	return SYSCALL(SYS_getpid);
}

pid_t getppid(void)
{
	return SYSCALL(SYS_getppid);
}

pid_t gettid(void)
{
	return SYSCALL(SYS_gettid);
}

int setpgid(pid_t pid, pid_t pgid)
{
	return __sysret(SYSCALL(SYS_setpgid, pid, pgid));
}

pid_t getpgid(pid_t pid)
{
	return __sysret(SYSCALL(SYS_getpgid, pid));
}

pid_t getpgrp(void)
{
	return SYSCALL(SYS_getpgrp);
}

pid_t setsid(void)
{
	return __sysret(SYSCALL(SYS_setsid));
}

pid_t getsid(pid_t pid)
{
	return __sysret(SYSCALL(SYS_getsid, pid));
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage)
{
	return __sysret(SYSCALL(SYS_wait4, pid, status, options, usage));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}
