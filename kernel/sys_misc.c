/* Time, identity, randomness, power, and the calls accepted as no-ops. */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/random.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "kernel/uapi.h"
#include "kernel/printk.h"
#include "mm/uaccess.h"
#include "arch/pit.h"
#include "arch/tsc.h"
#include "arch/poweroff.h"
#include "arch/x86.h"

#define TSC_RESOLUTION_NS 1             /* what Linux reports for its fine clocks */
#define RANDOM_CHUNK    256
#define GRND_NONBLOCK   1
#define GRND_RANDOM     2
#define GRND_INSECURE   4
#define UTS_LEN         65

uint64_t realtime_ns(void)
{
	return time_ns() + BOOT_EPOCH * NS_PER_SEC;
}

/*
 * A clock's reading in ns, or -EINVAL for a clock forklab lacks.  The
 * process's CPU time is every thread's, the ended ones' too.  Nothing is
 * ever suspended, so BOOTTIME is MONOTONIC, and no one sets the time, so
 * RAW is too.  A clock id is an int: its register's upper half is not read.
 */
long clock_read(int clock, uint64_t *ns)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = time_ns() + BOOT_EPOCH * NS_PER_SEC;
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = time_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		*ns = group_cpu_ns(current);
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = proc_cpu_ns(current);
		return 0;
	}
	return -EINVAL;
}

long sys_clock_gettime(uint64_t uclock, uint64_t uts, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	uint64_t ns;
	struct timespec ts;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (clock_read((int)uclock, &ns) < 0)
		return -EINVAL;
	ts = ns_timespec(ns);
	return copy_to_user((void *)uts, &ts, sizeof(ts));
}

/* The coarse clocks move once a tick; the others read the TSC. */
long sys_clock_getres(uint64_t uclock, uint64_t ures, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int clock = (int)uclock;
	uint64_t ns;
	int coarse = clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE;
	struct timespec res = { 0, coarse ? NS_PER_TICK : TSC_RESOLUTION_NS };

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (clock_read(clock, &ns) < 0)
		return -EINVAL;
	return ures ? copy_to_user((void *)ures, &res, sizeof(res)) : 0;
}

long sys_time(uint64_t utloc, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int64_t now = BOOT_EPOCH + time_ns() / NS_PER_SEC;

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	if (utloc && copy_to_user((void *)utloc, &now, sizeof(now)) < 0)
		return -EFAULT;
	return now;
}

/* The time zone, if asked for, is UTC with no daylight saving. */
long sys_gettimeofday(uint64_t utv, uint64_t utz, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	uint64_t ns = time_ns() + BOOT_EPOCH * NS_PER_SEC;
	struct timeval tv = ns_timeval(ns);
	int32_t tz[2] = { 0, 0 };

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (utv && copy_to_user((void *)utv, &tv, sizeof(tv)) < 0)
		return -EFAULT;
	if (utz && copy_to_user((void *)utz, tz, sizeof(tz)) < 0)
		return -EFAULT;
	return 0;
}

/*
 * The time_ns() at which a sleep of ts, starting now, ends.  One too long
 * to count never ends (Linux's end after 292 years: the same to anyone
 * waiting).  Sleeps are measured on the clock they are read with, not in
 * timer ticks, which an emulator may deliver faster than time passes.
 */
static uint64_t deadline_after(const struct timespec *ts)
{
	uint64_t now = time_ns();

	if ((uint64_t)ts->sec >= (UINT64_MAX - now) / NS_PER_SEC - 1)
		return UINT64_MAX;
	return now + timespec_ns(ts);
}

/* Wakes on every tick to look at the clock. */
static long sleep_until(uint64_t deadline)
{
	while (time_ns() < deadline)
		if (sleep_on(timer_channel()) < 0)
			return -EINTR;
	return 0;
}

static long read_timespec(struct timespec *ts, uint64_t uts)
{
	if (copy_from_user(ts, (void *)uts, sizeof(*ts)) < 0)
		return -EFAULT;
	if (!timespec_valid(ts))
		return -EINVAL;
	return 0;
}

/* A sleep until deadline that a signal cut short: EINTR, and the time
 * left in *urem. */
static long sleep_for(uint64_t deadline, uint64_t urem)
{
	uint64_t now, left;
	struct timespec rem;

	if (sleep_until(deadline) == 0)
		return 0;
	now = time_ns();
	left = deadline > now ? deadline - now : 0;
	rem = ns_timespec(left);
	if (urem && copy_to_user((void *)urem, &rem, sizeof(rem)) < 0)
		return -EFAULT;
	return -EINTR;
}

long sys_nanosleep(uint64_t ureq, uint64_t urem, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct timespec req;
	long err = read_timespec(&req, ureq);

	(void)a2, (void)a3, (void)a4, (void)a5;
	return err < 0 ? err : sleep_for(deadline_after(&req), urem);
}

/* Sleeps on the wall and monotonic clocks, for a while or (TIMER_ABSTIME)
 * until a time; Linux ignores the other flag bits.  Only a relative sleep
 * that a signal cuts short says how long was left. */
long sys_clock_nanosleep(uint64_t uclock, uint64_t uflags, uint64_t ureq, uint64_t urem, uint64_t a4, uint64_t a5)
{
	int clock = (int)uclock;
	struct timespec req;
	uint64_t now, until;
	long err;

	(void)a4, (void)a5;
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
		return -EINVAL;
	if ((err = read_timespec(&req, ureq)) < 0)
		return err;
	if (!((int)uflags & TIMER_ABSTIME))
		return sleep_for(deadline_after(&req), urem);
	clock_read(clock, &now);
	until = timespec_ns(&req);
	if (until <= now)
		return 0;
	req = ns_timespec(until - now);
	return sleep_until(deadline_after(&req));
}

struct utsname {
	char sysname[UTS_LEN], nodename[UTS_LEN], release[UTS_LEN];
	char version[UTS_LEN], machine[UTS_LEN], domainname[UTS_LEN];
};

long sys_uname(uint64_t ubuf, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	static const struct utsname u = {
		"forklab", "forklab", "0.1", "forklab 0.1", "x86_64", "(none)",
	};

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	return copy_to_user((void *)ubuf, &u, sizeof(u));
}

/* Copies what it can of n bytes to udst, a byte at a time: how many went
 * before the first that could not. */
static uint64_t copy_some_to_user(char *udst, const uint8_t *src, uint64_t n)
{
	uint64_t i = 0;

	while (i < n && copy_to_user(udst + i, src + i, 1) == 0)
		i++;
	return i;
}

/*
 * Linux's flags are checked and change nothing: the generator never waits.
 * A buffer that runs into memory it may not write is filled up to there,
 * and that count returned, as in Linux; EFAULT only if nothing was.
 */
long sys_getrandom(uint64_t ubuf, uint64_t n, uint64_t uflags, uint64_t a3, uint64_t a4, uint64_t a5)
{
	unsigned int flags = (unsigned int)uflags;
	uint8_t chunk[RANDOM_CHUNK];

	(void)a3, (void)a4, (void)a5;
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_RANDOM) && (flags & GRND_INSECURE))
		return -EINVAL;                 /* contradictory */
	for (uint64_t done = 0; done < n; done += sizeof(chunk)) {
		uint64_t len = n - done < sizeof(chunk) ? n - done : sizeof(chunk);

		random_bytes(chunk, len);
		if (copy_to_user((char *)ubuf + done, chunk, len) < 0) {
			done += copy_some_to_user((char *)ubuf + done, chunk, len);
			return done ? (long)done : -EFAULT;
		}
	}
	return n;
}

long sys_arch_prctl(uint64_t ucode, uint64_t addr, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int code = (int)ucode;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (code == ARCH_SET_FS) {
		if (addr >= USER_TOP)
			return -EPERM;
		current->fs_base = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	}
	if (code == ARCH_GET_FS)
		return copy_to_user((void *)addr, &current->fs_base, sizeof(uint64_t));
	return -EINVAL;
}

long sys_reboot(uint64_t magic1, uint64_t magic2, uint64_t cmd, uint64_t arg, uint64_t a4, uint64_t a5)
{
	(void)arg, (void)a4, (void)a5;
	if ((uint32_t)magic1 != LINUX_REBOOT_MAGIC1 || (uint32_t)magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	if ((uint32_t)cmd != LINUX_REBOOT_CMD_POWER_OFF && (uint32_t)cmd != LINUX_REBOOT_CMD_RESTART)
		return -EINVAL;
	pr_info("power off requested by pid %d\n", current->pid);
	machine_exit(EXIT_OK);
}
