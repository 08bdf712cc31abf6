/*
 * The calls C libraries make at start-up and common programs make soon
 * after: every clock clock_gettime and clock_getres know, clock_nanosleep
 * for a while and until a time, time and gettimeofday agreeing with
 * CLOCK_REALTIME; who we are (and that we may stay so); resource limits
 * read through three calls that agree, lowered and read back, refused
 * when soft exceeds hard; sysinfo; sched_getaffinity; set_robust_list.
 * And a private mapping larger than memory could ever hold is refused at
 * mmap time, as Linux's default overcommit heuristic does; and glibc's
 * fstat, fstatat(fd, "", AT_EMPTY_PATH), describes fd.
 */
#include <stdint.h>
#include <time.h>
#include <sys/mman.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include "check.h"

#define NR_GETTIMEOFDAY		96
#define NR_SYSINFO		99
#define NR_SETUID		105
#define NR_SETGID		106
#define NR_SCHED_GETAFFINITY	204
#define NR_SET_ROBUST_LIST	273
#define NR_PRLIMIT64		302
#define NR_CLOCKS		8	/* CLOCK_REALTIME to CLOCK_BOOTTIME */
#define BAD_CLOCK		99
#define NS_PER_SEC		1000000000L
#define SLEEP_NS		30000000L	/* 30 ms */
#define AFFINITY_BYTES		128
#define SYSINFO_BYTES		112
#define ROBUST_HEAD_BYTES	24
#define LOWER_NOFILE		32
#define HUGE_LEN		(64UL << 40)	/* 64 TiB: more than any memory */
#define NR_NEWFSTATAT		262
#define AT_EMPTY_PATH_FLAG	0x1000

static long ns_of(const struct timespec *t)
{
	return t->tv_sec * NS_PER_SEC + t->tv_nsec;
}

static long now_ns(clockid_t clock)
{
	struct timespec t;

	CHECK_EQ(clock_gettime(clock, &t), 0);
	return ns_of(&t);
}

static void test_clocks(void)
{
	struct timespec t, res;

	for (clockid_t c = 0; c < NR_CLOCKS; c++) {
		CHECK_EQ(clock_gettime(c, &t), 0);
		CHECK_EQ(clock_getres(c, &res), 0);
		CHECK(res.tv_sec == 0 && res.tv_nsec > 0);
	}
	CHECK_ERR(clock_gettime(BAD_CLOCK, &t), EINVAL);
	CHECK_ERR(clock_getres(BAD_CLOCK, &res), EINVAL);
	CHECK(now_ns(CLOCK_MONOTONIC) <= now_ns(CLOCK_MONOTONIC));
}

static void test_clock_nanosleep(void)
{
	struct timespec want = { 0, SLEEP_NS }, until;
	long start = now_ns(CLOCK_MONOTONIC);

	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &want, NULL), 0);
	CHECK(now_ns(CLOCK_MONOTONIC) - start >= SLEEP_NS);
	start = now_ns(CLOCK_MONOTONIC);
	until.tv_sec = (start + SLEEP_NS) / NS_PER_SEC;
	until.tv_nsec = (start + SLEEP_NS) % NS_PER_SEC;
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL), 0);
	CHECK(now_ns(CLOCK_MONOTONIC) >= ns_of(&until));
	until.tv_sec = 0;                       /* long past: no sleep at all */
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL), 0);
	want.tv_nsec = NS_PER_SEC;
	CHECK_EQ(clock_nanosleep(CLOCK_MONOTONIC, 0, &want, NULL), EINVAL);
}

static void test_wall_clock(void)
{
	long tv[2];
	time_t before = now_ns(CLOCK_REALTIME) / NS_PER_SEC, t = time(NULL);

	CHECK(t >= before && t <= before + 1);
	CHECK_EQ(raw_syscall3(NR_GETTIMEOFDAY, (unsigned long)tv, 0, 0), 0);
	CHECK(tv[0] >= before && tv[0] <= before + 1);
}

static void test_identity(void)
{
	CHECK_EQ(getuid(), geteuid());
	CHECK_EQ(getgid(), getegid());
	CHECK_EQ(raw_syscall3(NR_SETUID, getuid(), 0, 0), 0);
	CHECK_EQ(raw_syscall3(NR_SETGID, getgid(), 0, 0), 0);
}

static void test_limits(void)
{
	struct rlimit lim, raw, low;

	CHECK_EQ(getrlimit(RLIMIT_NOFILE, &lim), 0);
	CHECK(lim.rlim_cur >= LOWER_NOFILE && lim.rlim_cur <= lim.rlim_max);
	CHECK_EQ(raw_syscall4(NR_PRLIMIT64, 0, RLIMIT_NOFILE, 0, (unsigned long)&raw), 0);
	CHECK_EQ(raw.rlim_cur, lim.rlim_cur);
	CHECK_EQ(raw.rlim_max, lim.rlim_max);
	low = (struct rlimit){ LOWER_NOFILE, lim.rlim_max };
	CHECK_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
	CHECK_EQ(getrlimit(RLIMIT_NOFILE, &raw), 0);
	CHECK_EQ(raw.rlim_cur, LOWER_NOFILE);
	low = (struct rlimit){ lim.rlim_max, LOWER_NOFILE };
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, &low), EINVAL);
	CHECK_EQ(setrlimit(RLIMIT_NOFILE, &lim), 0);
	CHECK_EQ(getrlimit(RLIMIT_STACK, &lim), 0);
	CHECK(lim.rlim_cur > 0);
	CHECK_EQ(getrlimit(RLIMIT_NPROC, &lim), 0);
	CHECK(lim.rlim_cur > 0);
	CHECK_EQ(getrlimit(RLIMIT_AS, &lim), 0);
	CHECK_EQ(lim.rlim_cur, RLIM_INFINITY);
}

/* Raw buffers in Linux's layouts, so that every C library agrees. */
static void test_machine(void)
{
	uint64_t si[SYSINFO_BYTES / sizeof(uint64_t)], mask[AFFINITY_BYTES / sizeof(uint64_t)];
	static void *robust_head[ROBUST_HEAD_BYTES / sizeof(void *)] = { robust_head };
	long n;

	CHECK_EQ(raw_syscall3(NR_SYSINFO, (unsigned long)si, 0, 0), 0);
	CHECK(si[4] > 0 && si[5] > 0 && si[5] <= si[4]);        /* totalram >= freeram */
	n = raw_syscall3(NR_SCHED_GETAFFINITY, 0, sizeof(mask), (unsigned long)mask);
	CHECK(n > 0 && n % sizeof(long) == 0);
	CHECK(mask[0] & 1);
	CHECK_EQ(raw_syscall3(NR_SCHED_GETAFFINITY, 0, sizeof(long) - 1, (unsigned long)mask),
		 -EINVAL);
	CHECK_EQ(raw_syscall3(NR_SET_ROBUST_LIST, (unsigned long)robust_head,
			      ROBUST_HEAD_BYTES - 1, 0), -EINVAL);
	CHECK_EQ(raw_syscall3(NR_SET_ROBUST_LIST, (unsigned long)robust_head,
			      ROBUST_HEAD_BYTES, 0), 0);
}

static void test_overcommit(void)
{
	void *p = mmap(NULL, HUGE_LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p == MAP_FAILED);
	CHECK_EQ(errno, ENOMEM);
}

static void test_fstat_empty_path(void)
{
	struct stat by_fd, by_at;
	int fd = open("/proc", O_RDONLY);

	CHECK(fd >= 0);
	CHECK_EQ(fstat(fd, &by_fd), 0);
	CHECK_EQ(raw_syscall4(NR_NEWFSTATAT, fd, (unsigned long)"", (unsigned long)&by_at,
			      AT_EMPTY_PATH_FLAG), 0);
	CHECK_EQ(by_at.st_ino, by_fd.st_ino);
	CHECK_EQ(by_at.st_mode, by_fd.st_mode);
	close(fd);
}

int main(void)
{
	test_clocks();
	test_clock_nanosleep();
	test_wall_clock();
	test_identity();
	test_limits();
	test_machine();
	test_overcommit();
	test_fstat_empty_path();
	return test_result();
}
