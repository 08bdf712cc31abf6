/* Resource usage and limits, CPU times, and who we are. */
#include <unistd.h>
#include <sys/resource.h>
#include <sys/times.h>
#include "syscall.h"

int getrusage(int who, struct rusage *usage)
{
	return __sysret(SYSCALL(SYS_getrusage, who, usage));
}

int getrlimit(int resource, struct rlimit *limit)
{
	return __sysret(SYSCALL(SYS_prlimit64, 0, resource, 0, limit));
}

int setrlimit(int resource, const struct rlimit *limit)
{
	return __sysret(SYSCALL(SYS_prlimit64, 0, resource, limit, 0));
}

/* Ticks since an arbitrary moment can look negative: no errno test. */
clock_t times(struct tms *buf)
{
	return SYSCALL(SYS_times, buf);
}

uid_t getuid(void)
{
	return SYSCALL(SYS_getuid);
}

uid_t geteuid(void)
{
	return SYSCALL(SYS_geteuid);
}

gid_t getgid(void)
{
	return SYSCALL(SYS_getgid);
}

gid_t getegid(void)
{
	return SYSCALL(SYS_getegid);
}
