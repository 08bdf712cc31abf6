/*
 * Every call that reads a struct timespec or timeval from the user refuses
 * the same bad times with EINVAL: a negative second, a negative fraction,
 * or a fraction of a whole second (1e9 ns, 1e6 us).  utimensat, as Linux's,
 * looks only at the fraction.  And the times the kernel hands back are
 * split the same way: a file's times come back from stat as utimensat set
 * them, to the nanosecond, and gettimeofday's microseconds fall between two
 * clock_gettime readings taken around it.
 */
#define _GNU_SOURCE		/* ppoll in glibc */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include "check.h"

#define NS_PER_SEC	1000000000L
#define NS_PER_USEC	1000L
#define USEC_PER_SEC	1000000L
#define NBAD		3
#define FILE_PATH	"/tmp/time_args"
#define ATIME_SEC	1234
#define MTIME_SEC	5678

static const struct timespec bad_ts[NBAD] = {
	{ -1, 0 }, { 0, -1 }, { 0, NS_PER_SEC },
};

static const struct timeval bad_tv[NBAD] = {
	{ -1, 0 }, { 0, -1 }, { 0, USEC_PER_SEC },
};

static void sleeps_refuse(const struct timespec *ts)
{
	CHECK_ERR(nanosleep(ts, NULL), EINVAL);
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, ts, NULL), EINVAL);
	CHECK_EQ(clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, ts, NULL), EINVAL);
}

static void waits_refuse(const struct timespec *ts)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_ERR(ppoll(NULL, 0, ts, NULL), EINVAL);
	CHECK_ERR(pselect(0, NULL, NULL, NULL, ts, NULL), EINVAL);
	CHECK_ERR(sigtimedwait(&set, NULL, ts), EINVAL);
}

/* setitimer checks both of its times; select carries whole seconds out
 * of the microseconds first, so only a negative time is bad there. */
static void timevals_refuse(const struct timeval *tv)
{
	struct itimerval it = { { 0, 0 }, *tv };
	struct timeval copy = *tv;

	CHECK_ERR(setitimer(ITIMER_REAL, &it, NULL), EINVAL);
	it = (struct itimerval){ *tv, { 1, 0 } };
	CHECK_ERR(setitimer(ITIMER_REAL, &it, NULL), EINVAL);
	if (tv->tv_usec < USEC_PER_SEC)
		CHECK_ERR(select(0, NULL, NULL, NULL, &copy), EINVAL);
}

static void file_times(void)
{
	struct timespec t[2] = { { ATIME_SEC, NS_PER_SEC - 1 }, { MTIME_SEC, 1 } };
	struct timespec over[2] = { { 0, NS_PER_SEC }, { 0, UTIME_OMIT } };
	struct timespec under[2] = { { 0, UTIME_OMIT }, { 0, -1 } };
	struct stat st;
	int fd = open(FILE_PATH, O_CREAT | O_WRONLY | O_TRUNC, 0644);

	CHECK(fd >= 0);
	CHECK_ERR(futimens(fd, over), EINVAL);
	CHECK_ERR(futimens(fd, under), EINVAL);
	CHECK_EQ(futimens(fd, t), 0);
	CHECK_EQ(fstat(fd, &st), 0);
	CHECK_EQ(st.st_atim.tv_sec, ATIME_SEC);
	CHECK_EQ(st.st_atim.tv_nsec, NS_PER_SEC - 1);
	CHECK_EQ(st.st_mtim.tv_sec, MTIME_SEC);
	CHECK_EQ(st.st_mtim.tv_nsec, 1);
	close(fd);
	CHECK_EQ(unlink(FILE_PATH), 0);
}

static long ns_of(const struct timespec *t)
{
	return t->tv_sec * NS_PER_SEC + t->tv_nsec;
}

static void time_of_day(void)
{
	struct timespec before, after;
	struct timeval tv;
	long us;

	CHECK_EQ(clock_gettime(CLOCK_REALTIME, &before), 0);
	CHECK_EQ(raw_syscall3(SYS_gettimeofday, (unsigned long)&tv, 0, 0), 0);
	CHECK_EQ(clock_gettime(CLOCK_REALTIME, &after), 0);
	CHECK(tv.tv_usec >= 0 && tv.tv_usec < USEC_PER_SEC);
	us = tv.tv_sec * USEC_PER_SEC + tv.tv_usec;
	CHECK(us >= ns_of(&before) / NS_PER_USEC && us <= ns_of(&after) / NS_PER_USEC);
}

int main(void)
{
	for (int i = 0; i < NBAD; i++) {
		sleeps_refuse(&bad_ts[i]);
		waits_refuse(&bad_ts[i]);
		timevals_refuse(&bad_tv[i]);
	}
	file_times();
	time_of_day();
	return test_result();
}
