#ifndef _TIME_H
#define _TIME_H

#include <stddef.h>
#include <sys/types.h>

#include <abi/time.h>

int clock_gettime(clockid_t clock, struct timespec *t);
int nanosleep(const struct timespec *want, struct timespec *left);
int clock_getres(clockid_t clock, struct timespec *res);
/* Returns an error number, not -1 with errno, as POSIX says. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *want,
		    struct timespec *left);
time_t time(time_t *t);

#endif
