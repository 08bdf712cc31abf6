/*
 * File edges where Linux's behaviour is the rule:
 *
 *   - writev checks its descriptor first: a bad one, or one not open for
 *     writing, gives EBADF even when there is nothing to write;
 *   - open with O_DIRECTORY opens directories only: a file, of the root
 *     image or of /proc, gives ENOTDIR;
 *   - /proc/<pid> names a process only when <pid> is written as Linux
 *     writes it: "00<pid>" (leading zeroes) and 2^32 + <pid> (past an
 *     int) name nothing, and give ENOENT rather than <pid>'s file.
 *
 * usage: file_edges    (argv[0] must name the program, to open it)
 */
#include <fcntl.h>
#include <sys/syscall.h>
#include "check.h"

#ifndef SYS_writev
#define SYS_writev	20
#endif
#define BAD_FD		1000	/* past every descriptor table */
#define PATH_LEN	64
#define PID_WRAP	(1L << 32)	/* a pid this much larger wraps an int */

struct iov {			/* struct iovec, which forklab's libc lacks */
	void *base;
	size_t len;
};

static void test_writev_bad_fd(void)
{
	struct iov empty = { NULL, 0 };
	int fds[2];

	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(raw_syscall3(SYS_writev, BAD_FD, 0, 0), -EBADF);
	CHECK_EQ(raw_syscall3(SYS_writev, BAD_FD, (unsigned long)&empty, 1),
		 -EBADF);
	CHECK_EQ(raw_syscall3(SYS_writev, fds[0], 0, 0), -EBADF);
	CHECK_EQ(raw_syscall3(SYS_writev, fds[0], (unsigned long)&empty, 1),
		 -EBADF);
	CHECK_EQ(raw_syscall3(SYS_writev, fds[1], 0, 0), 0);
	CHECK_EQ(raw_syscall3(SYS_writev, fds[1], (unsigned long)&empty, 1), 0);
	close(fds[0]);
	close(fds[1]);
}

static void check_opens(const char *path, int flags)
{
	int fd = open(path, flags);

	CHECK(fd >= 0);
	if (fd >= 0)
		CHECK_EQ(close(fd), 0);
}

static void test_o_directory(const char *self)
{
	check_opens(self, O_RDONLY);
	CHECK_ERR(open(self, O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERR(open("/proc/self/status", O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERR(open("/proc/no-such-file", O_RDONLY | O_DIRECTORY), ENOENT);
	check_opens("/", O_RDONLY | O_DIRECTORY);
	check_opens("/proc", O_RDONLY | O_DIRECTORY);
}

static void test_proc_pid_names(void)
{
	char path[PATH_LEN];
	long pid = getpid();

	snprintf(path, sizeof(path), "/proc/%ld/status", pid);
	check_opens(path, O_RDONLY);
	snprintf(path, sizeof(path), "/proc/00%ld/status", pid);
	CHECK_ERR(open(path, O_RDONLY), ENOENT);
	snprintf(path, sizeof(path), "/proc/%ld/status", PID_WRAP + pid);
	CHECK_ERR(open(path, O_RDONLY), ENOENT);
	CHECK_ERR(open("/proc/0/status", O_RDONLY), ENOENT);
}

int main(int argc, char **argv)
{
	(void)argc;
	test_writev_bad_fd();
	test_o_directory(argv[0]);
	test_proc_pid_names();
	return test_result();
}
