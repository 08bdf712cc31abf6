#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/types.h>

#define CLOCK_REALTIME	0	/* wall-clock time since 1970 */
#define CLOCK_MONOTONIC	1	/* time since boot; never jumps */

int clock_gettime(clockid_t clock, struct timespec *t);
int nanosleep(const struct timespec *want, struct timespec *left);
time_t time(time_t *t);

#endif
