/* Time, identity, randomness, power, and the calls accepted as no-ops. */
#include <string.h>
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/random.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "kernel/printk.h"
#include "mm/uaccess.h"
#include "arch/pit.h"
#include "arch/tsc.h"
#include "arch/poweroff.h"
#include "arch/x86.h"

#define NS_PER_SEC      1000000000L
#define NS_PER_TICK     (NS_PER_SEC / HZ)
#define RANDOM_CHUNK    256
#define GRND_NONBLOCK   1
#define GRND_RANDOM     2
#define GRND_INSECURE   4
#define UTS_LEN         65
#define BOOT_EPOCH      1767225600L     /* 2026-01-01: forklab keeps no calendar */

struct timespec {
	int64_t sec, nsec;
};

/* A clock id is an int: the upper half of its register is not read. */
long sys_clock_gettime(uint64_t uclock, uint64_t uts, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int clock = (int)uclock;
	uint64_t ns = time_ns();
	struct timespec ts = { ns / NS_PER_SEC, ns % NS_PER_SEC };

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return -EINVAL;
	if (clock == CLOCK_REALTIME)
		ts.sec += BOOT_EPOCH;
	return copy_to_user((void *)uts, &ts, sizeof(ts));
}

/*
 * The tick at which a sleep of ts, starting now, ends.  One too long to
 * count in ticks never ends (Linux's end after 292 years: the same to
 * anyone waiting).
 */
static uint64_t wake_tick(const struct timespec *ts)
{
	uint64_t now = ticks();

	if ((uint64_t)ts->sec >= (UINT64_MAX - now) / HZ - 1)
		return UINT64_MAX;
	return now + (uint64_t)ts->sec * HZ + ((uint64_t)ts->nsec + NS_PER_TICK - 1) / NS_PER_TICK;
}

/* A sleep a signal cut short: EINTR, and the time left in *urem. */
static long interrupted(uint64_t wake, uint64_t urem)
{
	uint64_t left = wake - ticks();
	struct timespec rem = { left / HZ, left % HZ * NS_PER_TICK };

	if (urem && copy_to_user((void *)urem, &rem, sizeof(rem)) < 0)
		return -EFAULT;
	return -EINTR;
}

long sys_nanosleep(uint64_t ureq, uint64_t urem, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct timespec req;
	uint64_t wake;

	(void)a2, (void)a3, (void)a4, (void)a5;
	if (copy_from_user(&req, (void *)ureq, sizeof(req)) < 0)
		return -EFAULT;
	if (req.sec < 0 || req.nsec < 0 || req.nsec >= NS_PER_SEC)
		return -EINVAL;
	wake = wake_tick(&req);
	while (ticks() < wake)
		if (sleep_on(timer_channel()) < 0)
			return interrupted(wake, urem);
	return 0;
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
	if ((uint32_t)magic1 != REBOOT_MAGIC1 || (uint32_t)magic2 != REBOOT_MAGIC2)
		return -EINVAL;
	if ((uint32_t)cmd != REBOOT_CMD_POWER_OFF && (uint32_t)cmd != REBOOT_CMD_RESTART)
		return -EINVAL;
	pr_info("power off requested by pid %d\n", current->pid);
	machine_exit(EXIT_OK);
}
