/*
 * What the on-demand fork tests (odf_*.c) share, on top of check.h.
 *
 * On-demand fork is forklab's own: a test turns it on for itself with
 * odf_start(), which on any other system (Linux says EINVAL to forklab's
 * prctl options) prints why the test is skipped and ends it, passed.
 *
 * The tests judge the kernel by what PR_INSPECT reports for one address:
 * the frame of the PTE table mapping it and how many pmd entries point at
 * that table, the page's frame and its reference count, and the R/W bits
 * of the pmd entry and the PTE.  Frames are physical addresses, so two
 * processes can compare them.
 */
#ifndef TESTS_USER_ODF_H
#define TESTS_USER_ODF_H

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <forklab.h>
#include "check.h"

/* What one PTE table maps on x86-64: 512 pages. */
#define TABLE_SPAN	(2UL << 20)
#define TABLE_PAGES	(TABLE_SPAN / PAGE_SIZE)

#define KB		1024
#define MEMINFO_MAX	1024	/* /proc/meminfo is four short lines */
#define MEMFREE_KEY	"MemFree:"

/* Turns on odf mode for this process and the children it makes, or ends
 * the test as skipped where there is no such mode. */
static inline void odf_start(void)
{
	struct utsname u;

	if (prctl(PR_SET_FORK_MODE, (unsigned long)FORK_MODE_ODF, 0UL, 0UL,
		  0UL) == 0)
		return;
	CHECK_EQ(errno, EINVAL);
	CHECK_EQ(uname(&u), 0);
	printf("skipped: no on-demand fork on %s\n", u.sysname);
	exit(test_result());
}

/* Turns on hodf mode (mm/hodf.c) for this process and its children, or
 * ends the test as skipped where there is no such mode. */
static inline void hodf_start(void)
{
	if (prctl(PR_SET_FORK_MODE, (unsigned long)FORK_MODE_HODF, 0UL, 0UL,
		  0UL) == 0)
		return;
	CHECK_EQ(errno, EINVAL);
	printf("skipped: no hodf fork mode here\n");
	exit(test_result());
}

/* How this process maps addr (all zero where nothing does). */
static inline struct forklab_inspect inspect(const volatile void *addr)
{
	struct forklab_inspect in;

	memset(&in, 0, sizeof(in));
	CHECK_EQ(prctl(PR_INSPECT, (unsigned long)addr, (unsigned long)&in,
		       0UL, 0UL), 0);
	return in;
}

/*
 * A private, readable and writable region that one PTE table maps alone:
 * twice its size is mapped and trimmed to the aligned part inside.  The
 * test cannot go on without it, so a failure ends the test.
 */
static inline unsigned char *odf_region(void)
{
	size_t len = 2 * TABLE_SPAN;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uintptr_t start, end;

	if (p == MAP_FAILED) {
		check_fail(__FILE__, __LINE__, "mmap of a 2 MiB region");
		exit(test_result());
	}
	start = ((uintptr_t)p + TABLE_SPAN - 1) & ~(TABLE_SPAN - 1);
	end = start + TABLE_SPAN;
	if (start > (uintptr_t)p)
		CHECK_EQ(munmap(p, start - (uintptr_t)p), 0);
	if (end < (uintptr_t)p + len)
		CHECK_EQ(munmap((void *)end, (uintptr_t)p + len - end), 0);
	return (unsigned char *)start;
}

/*
 * MemFree from /proc/meminfo in kB, or -1.  Plain system calls into a
 * buffer on the stack: stdio would allocate memory of its own.
 */
static inline long memfree_kb(void)
{
	char buf[MEMINFO_MAX];
	ssize_t n, len = 0;
	char *line;
	int fd = open("/proc/meminfo", O_RDONLY);

	if (fd < 0)
		return -1;
	while (len < (ssize_t)sizeof(buf) - 1 &&
	       (n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	line = strstr(buf, MEMFREE_KEY);
	return line ? strtol(line + strlen(MEMFREE_KEY), NULL, 10) : -1;
}

#endif
