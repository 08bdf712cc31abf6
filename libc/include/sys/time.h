/* Interval timers: only ITIMER_REAL, which sends SIGALRM. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>

#define ITIMER_REAL	0

struct timeval {
	long tv_sec;
	long tv_usec;
};

struct itimerval {
	struct timeval it_interval;	/* reloaded when it expires; 0: once */
	struct timeval it_value;	/* left until it expires; 0: off */
};

int setitimer(int which, const struct itimerval *value, struct itimerval *old);
int getitimer(int which, struct itimerval *value);

#endif
