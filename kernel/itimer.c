/*
 * The real-time interval timer (setitimer's ITIMER_REAL) and alarm, its
 * one-shot form in seconds: a tick count in the process (its struct
 * sighand, which its threads share), which signal_tick()
 * (kernel/signal.c) watches and turns into SIGALRM for the process, then
 * reloads with the interval, if any.  Times are kept in timer ticks.
 */
#include "kernel/syscall.h"
#include "kernel/signal.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "mm/uaccess.h"
#include "arch/pit.h"

#define ITIMER_REAL     0
#define US_PER_TICK     (USEC_PER_SEC / HZ)

struct itimerval {
	struct timeval interval, value;
};

static uint64_t tv_ticks(const struct timeval *tv)
{
	return (uint64_t)tv->sec * HZ + ((uint64_t)tv->usec + US_PER_TICK - 1) / US_PER_TICK;
}

static struct timeval ticks_tv(uint64_t t)
{
	return (struct timeval){ t / HZ, t % HZ * US_PER_TICK };
}

/* The timer as it stands: what is left, and the interval. */
static struct itimerval itimer_now(void)
{
	const struct sighand *s = current->sig.hand;
	uint64_t now = ticks(), left = s->alarm_tick > now ? s->alarm_tick - now : 0;

	if (s->alarm_tick && !left)
		left = 1;                       /* due, not yet sent */
	return (struct itimerval){ ticks_tv(s->alarm_interval), ticks_tv(left) };
}

static int tv_valid(const struct timeval *tv)
{
	return timeval_valid(tv) && (uint64_t)tv->sec < UINT32_MAX;
}

long sys_setitimer(uint64_t which, uint64_t unew, uint64_t uold, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct itimerval new = { 0 }, old = itimer_now();

	(void)a3, (void)a4, (void)a5;
	if ((int)which != ITIMER_REAL)
		return -EINVAL;
	if (unew && copy_from_user(&new, (const void *)unew, sizeof(new)) < 0)
		return -EFAULT;
	if (!tv_valid(&new.value) || !tv_valid(&new.interval))
		return -EINVAL;
	current->sig.hand->alarm_interval = tv_ticks(&new.interval);
	current->sig.hand->alarm_tick = new.value.sec || new.value.usec ?
		ticks() + tv_ticks(&new.value) : 0;
	if (uold && copy_to_user((void *)uold, &old, sizeof(old)) < 0)
		return -EFAULT;
	return 0;
}

long sys_getitimer(uint64_t which, uint64_t uval, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct itimerval now = itimer_now();

	(void)a2, (void)a3, (void)a4, (void)a5;
	if ((int)which != ITIMER_REAL)
		return -EINVAL;
	return copy_to_user((void *)uval, &now, sizeof(now)) < 0 ? -EFAULT : 0;
}

/* The seconds left of the previous alarm, rounded to the nearest, at
 * least 1 if one was set. */
long sys_alarm(uint64_t useconds, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct itimerval old = itimer_now();
	unsigned int seconds = (unsigned int)useconds;
	long left = old.value.sec + (old.value.usec >= USEC_PER_SEC / 2);

	(void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
	if (!left && old.value.usec)
		left = 1;
	current->sig.hand->alarm_interval = 0;
	current->sig.hand->alarm_tick = seconds ? ticks() + (uint64_t)seconds * HZ : 0;
	return left;
}
