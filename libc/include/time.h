#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/types.h>

#define CLOCK_REALTIME	0	/* wall-clock time since 1970 */
#define CLOCK_MONOTONIC	1	/* time since boot; never jumps */
#define CLOCK_PROCESS_CPUTIME_ID 2	/* CPU time this process used */
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5	/* the cheap ones: a tick's resolution */
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7
#define TIMER_ABSTIME		1	/* clock_nanosleep: until, not for */

int clock_gettime(clockid_t clock, struct timespec *t);
int nanosleep(const struct timespec *want, struct timespec *left);
int clock_getres(clockid_t clock, struct timespec *res);
/* Returns an error number, not -1 with errno, as POSIX says. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *want,
		    struct timespec *left);
time_t time(time_t *t);

#endif
