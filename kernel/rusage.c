/*
 * Resource usage: getrusage, times, and the rusage wait4 fills.  CPU time
 * is measured by the scheduler (time on the CPU) and by syscall_dispatch
 * (the part spent in system calls, the system time; page faults count as
 * user time).  minflt counts the page faults resolved: the natural
 * measure of what a fork mode costs after the fork.  maxrss is the
 * largest resident set seen at getrusage, exec and exit, not a true peak.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "mm/uaccess.h"
#include "arch/tsc.h"

#define KIB_PER_PAGE    (PAGE_SIZE / 1024)
#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD   1

/* Linux's struct rusage: two times, then fourteen longs, most of which
 * forklab has nothing to count for and leaves 0. */
struct rusage {
	struct timeval utime, stime;
	int64_t maxrss, ixrss, idrss, isrss, minflt, majflt, nswap;
	int64_t inblock, oublock, msgsnd, msgrcv, nsignals, nvcsw, nivcsw;
};

struct tms {
	int64_t utime, stime, cutime, cstime;
};

uint64_t proc_cpu_ns(struct proc *p)
{
	return p->usage.cpu_ns + (p->state == RUNNING ? time_ns() - p->run_start : 0);
}

void rusage_note_rss(struct proc *p)
{
	struct mm_usage u;

	if (!p->mm)
		return;
	mm_usage(p->mm, &u);
	if (u.rss > p->usage.maxrss_pages)
		p->usage.maxrss_pages = u.rss;
}

void usage_add(struct usage *sum, const struct usage *u)
{
	sum->cpu_ns += u->cpu_ns;
	sum->sys_ns += u->sys_ns;
	sum->minflt += u->minflt;
	if (u->maxrss_pages > sum->maxrss_pages)
		sum->maxrss_pages = u->maxrss_pages;
}

static struct timeval to_timeval(uint64_t ns)
{
	return (struct timeval){ ns / NS_PER_SEC, ns % NS_PER_SEC / NS_PER_USEC };
}

long rusage_to_user(void *uru, const struct usage *u)
{
	struct rusage ru;

	memset(&ru, 0, sizeof(ru));
	ru.utime = to_timeval(u->cpu_ns - u->sys_ns);
	ru.stime = to_timeval(u->sys_ns);
	ru.maxrss = u->maxrss_pages * KIB_PER_PAGE;
	ru.minflt = u->minflt;
	return copy_to_user(uru, &ru, sizeof(ru));
}

long sys_getrusage(uint64_t uwho, uint64_t uru, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int who = (int)uwho;
	struct usage self;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (who == RUSAGE_CHILDREN)
		return rusage_to_user((void *)uru, &current->leader->children);
	if (who != RUSAGE_SELF && who != RUSAGE_THREAD)
		return -EINVAL;
	rusage_note_rss(current);
	self = current->usage;
	self.cpu_ns = who == RUSAGE_THREAD ? proc_cpu_ns(current) : group_cpu_ns(current);
	return rusage_to_user((void *)uru, &self);
}

/* Clock ticks since boot; the process's times and its reaped children's. */
long sys_times(uint64_t ubuf, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	uint64_t cpu = group_cpu_ns(current);
	const struct usage *c = &current->leader->children;
	struct tms t = {
		(cpu - current->usage.sys_ns) / NS_PER_CLOCK, current->usage.sys_ns / NS_PER_CLOCK,
		(c->cpu_ns - c->sys_ns) / NS_PER_CLOCK, c->sys_ns / NS_PER_CLOCK,
	};

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	if (ubuf && copy_to_user((void *)ubuf, &t, sizeof(t)) < 0)
		return -EFAULT;
	return time_ns() / NS_PER_CLOCK;
}
