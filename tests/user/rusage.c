/*
 * Resource usage as a parent sees it.  wait4 reports what the child used:
 * a page fault for every page it first touched (ru_minflt), its resident
 * set (ru_maxrss, in KiB), the CPU time it burned (user plus system); the
 * same goes to getrusage(RUSAGE_CHILDREN) and times() once it is reaped.
 * getrusage(RUSAGE_SELF) counts our own faults.  A bad rusage pointer
 * gives EFAULT, and the child is reaped all the same.
 */
#include <stdlib.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/times.h>
#include "check.h"

#define TOUCHED_PAGES	64
#define BURN_NS		50000000L	/* 50 ms of CPU */
#define NS_PER_SEC	1000000000L
#define US_PER_SEC	1000000L
#define NS_PER_US	1000L
#define CLOCK_TICKS	100		/* times()'s ticks a second, on both */
#define BAD_ADDR	((struct rusage *)8)
#define BAD_WHO		5

static int touch_pages(void *unused)
{
	char *p = mmap(NULL, TOUCHED_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	(void)unused;
	if (p == MAP_FAILED)
		return 1;
	for (int i = 0; i < TOUCHED_PAGES; i++)
		p[i * PAGE_SIZE] = 1;
	return 0;
}

static long cpu_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec * NS_PER_SEC + t.tv_nsec;
}

static int burn_cpu(void *unused)
{
	long start = cpu_ns();

	(void)unused;
	while (cpu_ns() - start < BURN_NS)
		;
	return 0;
}

static long used_us(const struct rusage *ru)
{
	return (ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * US_PER_SEC +
	       ru->ru_utime.tv_usec + ru->ru_stime.tv_usec;
}

/* Runs fn in a child and returns what wait4 says it used. */
static struct rusage child_usage(int (*fn)(void *))
{
	struct rusage ru;
	int status = NO_STATUS;
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(fn(NULL));
	memset(&ru, 0, sizeof(ru));
	CHECK_EQ(wait4(pid, &status, 0, &ru), pid);
	CHECK_EXITED(status, 0);
	return ru;
}

static void test_child_faults(void)
{
	struct rusage ru = child_usage(touch_pages), children;

	CHECK(ru.ru_minflt >= TOUCHED_PAGES);
	CHECK(ru.ru_maxrss >= TOUCHED_PAGES * PAGE_SIZE / 1024);
	CHECK_EQ(getrusage(RUSAGE_CHILDREN, &children), 0);
	CHECK(children.ru_minflt >= ru.ru_minflt);
	CHECK(children.ru_maxrss >= ru.ru_maxrss);
}

static void test_child_cpu(void)
{
	struct tms before, after;
	struct rusage ru;

	times(&before);
	ru = child_usage(burn_cpu);
	times(&after);
	CHECK(used_us(&ru) >= BURN_NS / NS_PER_US);
	CHECK(after.tms_cutime + after.tms_cstime - before.tms_cutime - before.tms_cstime >=
	      BURN_NS * CLOCK_TICKS / NS_PER_SEC - 1);
}

static void test_self_faults(void)
{
	struct rusage before, after;

	CHECK_EQ(getrusage(RUSAGE_SELF, &before), 0);
	CHECK_EQ(touch_pages(NULL), 0);
	CHECK_EQ(getrusage(RUSAGE_SELF, &after), 0);
	CHECK(after.ru_minflt - before.ru_minflt >= TOUCHED_PAGES);
	CHECK_ERR(getrusage(BAD_WHO, &after), EINVAL);
}

static void test_bad_pointer_still_reaps(void)
{
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(0);
	CHECK(pid > 0);
	CHECK_ERR(wait4(pid, NULL, 0, BAD_ADDR), EFAULT);
	CHECK_ERR(wait4(pid, NULL, 0, NULL), ECHILD);
}

int main(void)
{
	test_child_faults();
	test_child_cpu();
	test_self_faults();
	test_bad_pointer_still_reaps();
	return test_result();
}
