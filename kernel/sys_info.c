/*
 * What a process may ask about itself and the machine: its identity (every
 * process is root, and there is no other user), its resource limits,
 * memory and uptime (sysinfo), the CPUs it may run on; and the thread
 * library hooks C libraries register at start-up.
 */
#include <string.h>
#include "kernel/syscall.h"
#include "arch/percpu.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "mm/uaccess.h"
#include "mm/frame.h"
#include "mm/kstack.h"
#include "arch/tsc.h"

#define ROOT_ID         0
#define RLIM_INFINITY   (~0UL)
#define RLIMIT_STACK    3
#define RLIMIT_CORE     4
#define RLIMIT_NPROC    6
#define RLIMIT_NOFILE   7
#define RLIMIT_AS       9
#define RLIMIT_NICE     13
#define RLIMIT_RTPRIO   14
#define CPU_MASK_BYTES  8               /* one long: one CPU, bit 0 */
#define SI_LOAD_SHIFT   16              /* sysinfo's loads: 1.0 is 1 << 16 */

long sys_getuid(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return ROOT_ID;
}

/* Root may become root; there is no one else to become. */
long sys_setuid(uint64_t uid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return (uint32_t)uid == ROOT_ID ? 0 : -EINVAL;
}

/* No supplementary groups. */
long sys_getgroups(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return 0;
}

/* The limits forklab really has, which every process starts with; a
 * process may change its own record (inherited by its children), but
 * forklab enforces its fixed limits, not the record. */
void rlimit_init(struct rlimit *r)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		r[i] = (struct rlimit){ RLIM_INFINITY, RLIM_INFINITY };
	r[RLIMIT_STACK] = (struct rlimit){ STACK_MAX, STACK_MAX };
	r[RLIMIT_NPROC] = (struct rlimit){ NPROC, NPROC };
	r[RLIMIT_NOFILE] = (struct rlimit){ NOFILE, NOFILE };
	r[RLIMIT_CORE] = r[RLIMIT_NICE] = r[RLIMIT_RTPRIO] = (struct rlimit){ 0, 0 };
}

/* The limits are the process's, in the procattr its threads share. */
static long rlimit_set(struct proc *p, int resource, const struct rlimit *r)
{
	struct rlimit *limit = &p->attr->rlimits[resource];

	if (r->cur > r->max)
		return -EINVAL;
	if (r->max > limit->max)
		return -EPERM;                  /* root could, but forklab cannot give more */
	*limit = *r;
	return 0;
}

long sys_prlimit64(uint64_t upid, uint64_t uresource, uint64_t unew, uint64_t uold, uint64_t a4, uint64_t a5)
{
	int pid = (int)upid, resource = (int)uresource;
	struct proc *p = pid ? proc_find(pid) : current;
	struct rlimit r, old;
	long err;

	(void)a4, (void)a5;
	if (resource < 0 || resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (!p || p->state == ZOMBIE)
		return -ESRCH;
	if (unew && copy_from_user(&r, (void *)unew, sizeof(r)) < 0)
		return -EFAULT;
	old = p->attr->rlimits[resource];
	if (unew && (err = rlimit_set(p, resource, &r)) < 0)
		return err;
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

long sys_getrlimit(uint64_t resource, uint64_t uold, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	return sys_prlimit64(0, resource, 0, uold, 0, 0);
}

long sys_setrlimit(uint64_t resource, uint64_t unew, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	if (!unew)
		return -EFAULT;
	return sys_prlimit64(0, resource, unew, 0, 0, 0);
}

/* Linux's layout on x86-64; memory in bytes (mem_unit 1), no swap. */
struct sysinfo {
	int64_t uptime;
	uint64_t loads[3];
	uint64_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint64_t totalhigh, freehigh;
	uint32_t mem_unit;
};

long sys_sysinfo(uint64_t uinfo, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct sysinfo si;

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	memset(&si, 0, sizeof(si));
	si.uptime = time_ns() / NS_PER_SEC;
	loadavg_get(si.loads);
	for (int i = 0; i < LOAD_AVERAGES; i++)
		si.loads[i] <<= SI_LOAD_SHIFT - LOAD_SHIFT;
	si.totalram = frames_total() * PAGE_SIZE;
	si.freeram = frames_free_trimmed() * PAGE_SIZE;
	si.procs = proc_count();
	si.mem_unit = 1;
	return copy_to_user((void *)uinfo, &si, sizeof(si));
}

/* Every CPU that runs: any process may run on any.  Linux's rules: a whole number of longs, enough for every CPU;
 * the result is the size of the mask written. */
long sys_sched_getaffinity(uint64_t upid, uint64_t len, uint64_t umask, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int pid = (int)upid;
	uint64_t mask = (1UL << ncpus) - 1;

	(void)a3, (void)a4, (void)a5;
	if (len < CPU_MASK_BYTES || len % sizeof(long))
		return -EINVAL;
	if (pid && !proc_find(pid))
		return -ESRCH;
	if (copy_to_user((void *)umask, &mask, sizeof(mask)) < 0)
		return -EFAULT;
	return CPU_MASK_BYTES;
}

/* Refused as by a Linux built without restartable sequences: the C
 * libraries then do without, and the refusal is not worth a log line. */
long sys_rseq(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a0, (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return -ENOSYS;
}
