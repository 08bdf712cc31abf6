/*
 * Time as system calls pass it: the units, and Linux's x86-64 layouts of
 * the two structs user space hands over, with the checks and conversions
 * every caller needs.
 *
 *   struct timespec   [ sec: int64 | nsec: int64, 0 <= nsec < NS_PER_SEC ]
 *   struct timeval    [ sec: int64 | usec: int64, 0 <= usec < USEC_PER_SEC ]
 *
 * The units are signed longs, as Linux's: a comparison with a signed field
 * stays signed, and arithmetic with a uint64_t count of nanoseconds stays
 * unsigned.
 */
#ifndef KERNEL_KTIME_H
#define KERNEL_KTIME_H

#include <stdint.h>
#include "arch/pit.h"

#define NS_PER_SEC      1000000000L
#define NS_PER_MS       1000000L
#define NS_PER_USEC     1000L
#define USEC_PER_SEC    1000000L
#define MS_PER_SEC      1000L
#define USER_HZ         100             /* clock ticks of times(), /proc, sysconf(_SC_CLK_TCK) */
#define NS_PER_CLOCK    (NS_PER_SEC / USER_HZ)
#define NS_PER_TICK     (NS_PER_SEC / HZ)       /* the kernel's timer interrupt */

struct timespec {
	int64_t sec, nsec;
};

struct timeval {
	int64_t sec, usec;
};

/* What Linux accepts as a time or a wait: nothing negative, nsec below a
 * second. */
static inline int timespec_valid(const struct timespec *ts)
{
	return ts->sec >= 0 && ts->nsec >= 0 && ts->nsec < NS_PER_SEC;
}

static inline int timeval_valid(const struct timeval *tv)
{
	return tv->sec >= 0 && tv->usec >= 0 && tv->usec < USEC_PER_SEC;
}

/* A valid ts in nanoseconds; past 584 years it wraps, so callers that take
 * any seconds the user gives bound them first. */
static inline uint64_t timespec_ns(const struct timespec *ts)
{
	return (uint64_t)ts->sec * NS_PER_SEC + (uint64_t)ts->nsec;
}

static inline struct timespec ns_timespec(uint64_t ns)
{
	return (struct timespec){ ns / NS_PER_SEC, ns % NS_PER_SEC };
}

/* Rounds down to the microsecond, as Linux's gettimeofday and getrusage. */
static inline struct timeval ns_timeval(uint64_t ns)
{
	return (struct timeval){ ns / NS_PER_SEC, ns % NS_PER_SEC / NS_PER_USEC };
}

#endif
