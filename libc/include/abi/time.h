/* The clocks and clock_nanosleep's flag, with Linux's values.  Shared by
 * the kernel (kernel/uapi.h) and <time.h>. */
#ifndef _ABI_TIME_H
#define _ABI_TIME_H

#define CLOCK_REALTIME	0	/* wall-clock time since 1970 */
#define CLOCK_MONOTONIC	1	/* time since boot; never jumps */
#define CLOCK_PROCESS_CPUTIME_ID 2	/* CPU time this process used */
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCK_MONOTONIC_RAW	4
#define CLOCK_REALTIME_COARSE	5	/* the cheap ones: a tick's resolution */
#define CLOCK_MONOTONIC_COARSE	6
#define CLOCK_BOOTTIME		7
#define TIMER_ABSTIME		1	/* clock_nanosleep: until, not for */

#endif
