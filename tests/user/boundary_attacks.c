/*
 * Inputs at the edges of what just changed, each with Linux's answer:
 * execve strings and vectors that end exactly at the end of a mapping or
 * run into memory no one may read, /proc/<pid> names with signs, spaces
 * and trailing bytes, nanosleep's out-of-range times, a blocked PIPE_BUF
 * write whose reader dies, and int arguments with junk above them.
 *
 * usage: boundary_attacks    (argv[0] must name the program, to run it)
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "check.h"

#define MODE_ECHO	"--echo"	/* the child checks its one argument */
#define EXEC_EFAULT	127		/* the child's status when execve gave EFAULT */
#define EXEC_OTHER	126		/* ... when it failed otherwise */
#define ECHO_OK		0		/* ... when it got the argument whole */
#define ECHO_BAD	3		/* ... when it got something else */
#define PATH_LEN	64
#define NS_PER_SEC	1000000000L
#define PIPE_BUF_BYTES	4096		/* POSIX's PIPE_BUF on Linux and forklab */
#define READER_LIFE_NS	100000000	/* 100 ms: the writer is asleep by then */
#define DEADLINE_POLLS	50		/* of READER_LIFE_NS: 5 s for the writer to end */
#define KERNEL_ADDR	0xffff800000000000UL
#define USER_END	0x00007ffffffff000UL	/* Linux's TASK_SIZE_MAX */
#define JUNK		0xdead000100000000UL	/* upper half only */
#define LOW(x)		((unsigned long)(unsigned int)(x))	/* an int's bits */

/* Two pages, the second one made inaccessible: a string placed to end at
 * the first one's end is followed by memory no one may read. */
static char *two_pages(void)
{
	char *p = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_NONE);
	return p;
}

/* The wait status of a child that execs self with argv vec. */
static int exec_status(char *self, char **vec)
{
	int status = NO_STATUS;
	pid_t pid = test_fork();

	if (pid == 0) {
		execve(self, vec, NULL);
		_exit(errno == EFAULT ? EXEC_EFAULT : EXEC_OTHER);
	}
	waitpid(pid, &status, 0);
	return status;
}

/* Strings that end at the end of a mapping, or run past it. */
static void test_exec_strings(char *self, char *end)
{
	char *vec[] = { self, MODE_ECHO, NULL, NULL };

	memcpy(end - 4, "abc", 4);			/* NUL in the last byte */
	vec[2] = end - 4;
	CHECK_EXITED(exec_status(self, vec), ECHO_OK);
	memcpy(end - 3, "abc", 3);			/* no NUL before PROT_NONE */
	vec[2] = end - 3;
	CHECK_EXITED(exec_status(self, vec), EXEC_EFAULT);
	vec[2] = end;					/* PROT_NONE itself */
	CHECK_EXITED(exec_status(self, vec), EXEC_EFAULT);
	vec[2] = (char *)KERNEL_ADDR;
	CHECK_EXITED(exec_status(self, vec), EXEC_EFAULT);
}

/* argv itself: its NULL in a mapping's last word, or past its end. */
static void test_exec_vectors(char *self, char *start, char *end)
{
	char *vec[] = { self, MODE_ECHO, start, NULL };
	char **last = (char **)(end - sizeof(vec));
	char **cut = (char **)(end - (sizeof(vec) - sizeof(vec[0])));

	memcpy(start, "abc", 4);
	memcpy(last, vec, sizeof(vec));
	CHECK_EXITED(exec_status(self, last), ECHO_OK);
	memcpy(cut, vec, sizeof(vec) - sizeof(vec[0]));	/* no NULL */
	CHECK_EXITED(exec_status(self, cut), EXEC_EFAULT);
	CHECK_EXITED(exec_status(self, (char **)end), EXEC_EFAULT);
	CHECK_EXITED(exec_status(self, (char **)KERNEL_ADDR), EXEC_EFAULT);
}

static void test_exec_edges(char *self)
{
	char *p = two_pages();

	CHECK(p != NULL);
	if (!p)
		return;
	test_exec_strings(self, p + PAGE_SIZE);
	test_exec_vectors(self, p, p + PAGE_SIZE);
	munmap(p, 2 * PAGE_SIZE);
}

static void check_no_proc(const char *fmt, long pid)
{
	char path[PATH_LEN];

	snprintf(path, sizeof(path), fmt, pid);
	CHECK_ERR(open(path, O_RDONLY), ENOENT);
}

static void test_proc_names(void)
{
	long pid = getpid();

	check_no_proc("/proc/+%ld/status", pid);
	check_no_proc("/proc/-%ld/status", pid);
	check_no_proc("/proc/ %ld/status", pid);
	check_no_proc("/proc/%ld /status", pid);
	check_no_proc("/proc/%ld/status ", pid);
	check_no_proc("/proc/%ld/statusx", pid);
	check_no_proc("/proc/%ld9999999999999999999999/status", pid);
	CHECK_ERR(open("/proc/selfx/status", O_RDONLY), ENOENT);
	check_no_proc("/proc/%ld0x/status", pid);
}

static long sleep_raw(long sec, long nsec)
{
	struct timespec ts = { sec, nsec };

	return raw_syscall3(SYS_nanosleep, (unsigned long)&ts, 0, 0);
}

static void test_nanosleep_ranges(void)
{
	char *p = two_pages();

	CHECK_EQ(sleep_raw(0, -1), -EINVAL);
	CHECK_EQ(sleep_raw(0, NS_PER_SEC), -EINVAL);
	CHECK_EQ(sleep_raw(-1, 0), -EINVAL);
	CHECK_EQ(sleep_raw(-1, -1), -EINVAL);
	CHECK_EQ(sleep_raw(0, 0), 0);
	CHECK_EQ(sleep_raw(0, 1), 0);
	CHECK(p != NULL);
	if (p)	/* the timespec's second half in PROT_NONE */
		CHECK_EQ(raw_syscall3(SYS_nanosleep,
				      (unsigned long)(p + PAGE_SIZE - sizeof(long)), 0, 0),
			 -EFAULT);
	CHECK_EQ(raw_syscall3(SYS_nanosleep, USER_END - sizeof(long), 0, 0),
		 -EFAULT);			/* its second half past user space */
}

/*
 * A writer blocked on a full pipe, writing n bytes at a time, whose only
 * reader closes: its write ends with EPIPE (SIGPIPE is ignored), not a
 * sleep for ever.  Its status: 0 for EPIPE, 1 otherwise.
 */
static void check_reader_dies(size_t n)
{
	static char buf[PIPE_BUF_BYTES + 1];
	struct timespec wait = { 0, READER_LIFE_NS };
	int fds[2], status = NO_STATUS;
	pid_t pid;

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		while (write(fds[1], buf, n) > 0)
			;
		_exit(errno == EPIPE ? 0 : 1);
	}
	close(fds[1]);
	nanosleep(&wait, NULL);
	close(fds[0]);
	for (int i = 0; i < DEADLINE_POLLS && waitpid(pid, &status, WNOHANG) == 0; i++)
		nanosleep(&wait, NULL);
	if (status == NO_STATUS) {		/* still asleep in write */
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	CHECK_EXITED(status, 0);
}

static void test_pipe_reader_dies(void)
{
	signal(SIGPIPE, SIG_IGN);
	check_reader_dies(PIPE_BUF_BYTES);
	check_reader_dies(PIPE_BUF_BYTES + 1);
	check_reader_dies(1);
}

static void test_int_junk(void)
{
	char c;

	CHECK_EQ(raw_syscall3(SYS_kill, LOW(getpid()), JUNK | 0, 0), 0);
	CHECK_EQ(raw_syscall3(SYS_kill, LOW(getpid()), 65, 0), -EINVAL);
	CHECK_EQ(raw_syscall3(SYS_kill, LOW(getpid()), LOW(-1), 0), -EINVAL);
	CHECK_EQ(raw_syscall3(SYS_getrandom, (unsigned long)&c, 1, JUNK), 1);
	CHECK_EQ(raw_syscall3(SYS_getrandom, 0, 0, 0), 0);
	CHECK_EQ(raw_syscall3(SYS_getrandom, KERNEL_ADDR, 1, 0), -EFAULT);
}

/* The child of test_exec_edges: its one argument must be "abc". */
static int echo(int argc, char **argv)
{
	return argc == 3 && !strcmp(argv[2], "abc") ? ECHO_OK : ECHO_BAD;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], MODE_ECHO))
		return echo(argc, argv);
	test_exec_edges(argv[0]);
	test_proc_names();
	test_nanosleep_ranges();
	test_pipe_reader_dies();
	test_int_junk();
	return test_result();
}
