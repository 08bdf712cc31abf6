/* Clocks and sleeping. */
#include <time.h>
#include <sys/time.h>
#include <unistd.h>
#include "syscall.h"

#define USEC_PER_SEC	1000000
#define NSEC_PER_USEC	1000

int clock_gettime(clockid_t clock, struct timespec *t)
{
	return __sysret(SYSCALL(SYS_clock_gettime, clock, t));
}

int nanosleep(const struct timespec *want, struct timespec *left)
{
	return __sysret(SYSCALL(SYS_nanosleep, want, left));
}

int clock_getres(clockid_t clock, struct timespec *res)
{
	return __sysret(SYSCALL(SYS_clock_getres, clock, res));
}

int clock_nanosleep(clockid_t clock, int flags, const struct timespec *want,
		    struct timespec *left)
{
	return -SYSCALL(SYS_clock_nanosleep, clock, flags, want, left);
}

time_t time(time_t *t)
{
	struct timespec now;

	if (clock_gettime(CLOCK_REALTIME, &now) < 0)
		return -1;
	if (t)
		*t = now.tv_sec;
	return now.tv_sec;
}

/* Returns the seconds left (rounded up) if something cut the sleep short. */
unsigned int sleep(unsigned int seconds)
{
	struct timespec t = { seconds, 0 };

	if (nanosleep(&t, &t) < 0)
		return t.tv_sec + (t.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec t = { usec / USEC_PER_SEC, usec % USEC_PER_SEC * NSEC_PER_USEC };

	return nanosleep(&t, NULL);
}

int setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
	return __sysret(SYSCALL(SYS_setitimer, which, value, old));
}

int getitimer(int which, struct itimerval *value)
{
	return __sysret(SYSCALL(SYS_getitimer, which, value));
}
