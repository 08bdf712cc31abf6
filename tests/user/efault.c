/*
 * Bad user pointers handed to the kernel.  read, write, pipe, wait4 (as
 * waitpid), clock_gettime and execve, given NULL, an unmapped address, a
 * kernel address or a non-canonical one, must fail with EFAULT and leave
 * the process running, and read() must not write into a read-only page.
 * So must every other call that reads or writes memory the process names:
 * open and stat (the path), stat and fstat (the buffer), uname, getrandom,
 * getcwd, nanosleep, writev (the iovec array, and a buffer it points to),
 * getdents64, arch_prctl(ARCH_GET_FS), and forklab's prctl(PR_INSPECT).
 * A kernel that trusts such a pointer crashes, or reads or writes where
 * the program could not: kernel memory among others.
 *
 * Those calls are made with the syscall instruction itself: a C library
 * may answer one in user mode (Linux's vDSO does clock_gettime), or copy
 * through a buffer of its own, where a bad pointer is an ordinary fault,
 * and it is the kernel's check we test.
 *
 * The failing execve calls are made in a child with the test's own path
 * (argv[0]), so that one wrongly accepted starts an image that says so.
 */
#include <fcntl.h>
#include <stdint.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <forklab.h>
#include "check.h"

/* Linux x86-64 system call numbers. */
#define NR_OPEN			2
#define NR_STAT			4
#define NR_FSTAT		5
#define NR_WRITEV		20
#define NR_NANOSLEEP		35
#define NR_UNAME		63
#define NR_GETCWD		79
#define NR_PRCTL		157
#define NR_ARCH_PRCTL		158
#define NR_GETDENTS64		217
#define NR_CLOCK_GETTIME	228
#define NR_GETRANDOM		318
#define ARCH_GET_FS		0x1003
#define DIRENTS_LEN		4096	/* room for several entries */
#define CWD_LEN			4096	/* room for any working directory */
#define FORKLAB			"forklab"

/* One entry of writev's array, as the kernel reads it. */
struct io_vec {
	void *base;
	size_t len;
};
#define KERNEL_ADDR		0xffff800000000000UL	/* kernel half */
#define NONCANONICAL_ADDR	0x0000800000000000UL	/* just past user half */
#define LEN			16	/* bytes asked of each read and write */
#define EXEC_MARK		"--wrongly-executed"
#define WRONGLY_EXECUTED	99	/* exit status of such an image */

enum { ADDR_NULL, ADDR_UNMAPPED, ADDR_KERNEL, ADDR_NONCANONICAL, NR_BAD };

static const char *const bad_name[NR_BAD] = {
	"NULL", "unmapped", "kernel", "non-canonical",
};
static uintptr_t bad_addr[NR_BAD] = {
	[ADDR_KERNEL] = KERNEL_ADDR,
	[ADDR_NONCANONICAL] = NONCANONICAL_ADDR,
	/* ADDR_UNMAPPED is found at run time, by main(). */
};

/* Hides the value from the compiler, which would warn about NULL. */
static void *bad(int i)
{
	volatile uintptr_t a = bad_addr[i];

	return (void *)a;
}

static long raw_syscall2(long nr, long a1, long a2)
{
	return raw_syscall3(nr, a1, a2, 0);
}

/* The lowest free file descriptor, found by taking and giving one back. */
static int lowest_free_fd(void)
{
	int fds[2];

	if (pipe(fds) < 0)
		return -1;
	close(fds[0]);
	close(fds[1]);
	return fds[0];
}

static void test_read_write(int i, int fds[2])
{
	char c = 0;

	/* read() must find data, or it would block instead of faulting. */
	CHECK_EQ(write(fds[1], &c, 1), 1);
	CHECK_ERR(read(fds[0], bad(i), LEN), EFAULT);
	CHECK_ERR(write(fds[1], bad(i), LEN), EFAULT);
}

/* A failed pipe() must not leave descriptors behind. */
static void test_pipe(int i)
{
	int fd = lowest_free_fd();

	CHECK_ERR(pipe(bad(i)), EFAULT);
	CHECK_EQ(lowest_free_fd(), fd);
}

/*
 * A NULL status pointer is allowed: it asks for no status.  Linux reaps
 * the child before it finds the pointer bad, so waiting for it again may
 * find it or find nothing; either is right.
 */
static void test_wait(int i)
{
	int status;
	pid_t pid;

	if (i == ADDR_NULL)
		return;
	pid = test_fork();
	if (pid == 0)
		_exit(TEST_PASS);
	CHECK(pid > 0);
	CHECK_ERR(waitpid(pid, bad(i), 0), EFAULT);
	errno = 0;
	CHECK(waitpid(pid, &status, 0) == pid || errno == ECHILD);
}

static void test_clock(int i)
{
	CHECK_EQ(raw_syscall2(NR_CLOCK_GETTIME, CLOCK_MONOTONIC,
			      (long)bad(i)), -EFAULT);
}

/* Paths the kernel reads, and buffers it writes a struct or string to. */
static void test_paths_and_buffers(int i, int pipe_fd)
{
	int dir = open("/", O_RDONLY);
	long b = (long)bad(i);
	struct stat st;

	CHECK(dir >= 0);
	CHECK_EQ(raw_syscall3(NR_OPEN, b, O_RDONLY, 0), -EFAULT);
	CHECK_EQ(raw_syscall2(NR_STAT, b, (long)&st), -EFAULT);
	CHECK_EQ(raw_syscall2(NR_STAT, (long)"/", b), -EFAULT);
	CHECK_EQ(raw_syscall2(NR_FSTAT, pipe_fd, b), -EFAULT);
	CHECK_EQ(raw_syscall2(NR_UNAME, b, 0), -EFAULT);
	CHECK_EQ(raw_syscall3(NR_GETRANDOM, b, LEN, 0), -EFAULT);
	CHECK_EQ(raw_syscall2(NR_GETCWD, b, CWD_LEN), -EFAULT);
	CHECK_EQ(raw_syscall3(NR_GETDENTS64, dir, b, DIRENTS_LEN), -EFAULT);
	CHECK_EQ(raw_syscall2(NR_ARCH_PRCTL, ARCH_GET_FS, b), -EFAULT);
	close(dir);
}

/* Structures the kernel reads: a timespec, an iovec array and a buffer
 * one of its entries points to.  PR_INSPECT exists only on forklab. */
static void test_structs(int i, int pipe_fd, int forklab)
{
	struct io_vec iov = { bad(i), LEN };
	long b = (long)bad(i);

	CHECK_EQ(raw_syscall2(NR_NANOSLEEP, b, 0), -EFAULT);
	CHECK_EQ(raw_syscall3(NR_WRITEV, pipe_fd, b, 1), -EFAULT);
	CHECK_EQ(raw_syscall3(NR_WRITEV, pipe_fd, (long)&iov, 1), -EFAULT);
	CHECK_EQ(raw_syscall3(NR_PRCTL, PR_INSPECT, (long)&iov, b),
		 forklab ? -EFAULT : -EINVAL);
}

/*
 * In a child; an execve that wrongly works runs us with EXEC_MARK.  A bad
 * pointer may be the path, the argument or environment list itself, or a
 * string in either list.  NULL is only tried as the path: in a list it is
 * the end, and Linux takes a NULL list for an empty one.
 */
static int test_execve(void *self)
{
	char *args[] = { self, EXEC_MARK, NULL };
	char *bad_args[] = { self, EXEC_MARK, NULL, NULL };
	char *bad_env[] = { NULL, NULL };
	char *env[] = { NULL };
	int i;

	for (i = 0; i < NR_BAD; i++) {
		CHECK_ERR(execve(bad(i), args, env), EFAULT);
		if (i == ADDR_NULL)
			continue;
		CHECK_ERR(execve(self, bad(i), env), EFAULT);
		CHECK_ERR(execve(self, args, bad(i)), EFAULT);
		bad_args[2] = bad(i);
		bad_env[0] = bad(i);
		CHECK_ERR(execve(self, bad_args, env), EFAULT);
		CHECK_ERR(execve(self, args, bad_env), EFAULT);
	}
	return test_result();
}

/* read() into a read-only page: EFAULT, and the page stays as it was. */
static void test_read_only(int fds[2])
{
	char *ro = mmap(NULL, PAGE_SIZE, PROT_READ,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char c = 0;

	CHECK(ro != MAP_FAILED);
	if (ro == MAP_FAILED)
		return;
	CHECK_EQ(write(fds[1], &c, 1), 1);
	CHECK_ERR(read(fds[0], ro, LEN), EFAULT);
	CHECK(is_zero(ro, PAGE_SIZE));
	CHECK_EQ(munmap(ro, PAGE_SIZE), 0);
}

/* The pipe still works: a byte written comes out, after what is left. */
static void test_still_running(int fds[2])
{
	char c = 1, got = 0;

	CHECK_EQ(write(fds[1], &c, 1), 1);
	close(fds[1]);
	while (read(fds[0], &got, 1) == 1 && got != c)
		;
	CHECK_EQ(got, c);
	close(fds[0]);
}

int main(int argc, char **argv)
{
	struct timespec ts;
	int fds[2], i, failures, forklab;
	struct utsname u;
	void *hole;

	if (argc > 1 && strcmp(argv[1], EXEC_MARK) == 0)
		return WRONGLY_EXECUTED;
	hole = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		    -1, 0);
	CHECK(hole != MAP_FAILED && munmap(hole, PAGE_SIZE) == 0);
	bad_addr[ADDR_UNMAPPED] = (uintptr_t)hole;
	CHECK_EQ(raw_syscall2(NR_CLOCK_GETTIME, CLOCK_MONOTONIC,
			      (long)&ts), 0);
	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(uname(&u), 0);
	forklab = strcmp(u.sysname, FORKLAB) == 0;

	for (i = 0; i < NR_BAD; i++) {
		failures = *check_failures();
		test_read_write(i, fds);
		test_pipe(i);
		test_wait(i);
		test_clock(i);
		test_paths_and_buffers(i, fds[0]);
		test_structs(i, fds[1], forklab);
		if (*check_failures() != failures)
			fprintf(stderr, "efault: the failures above were with "
				"the %s address %p\n", bad_name[i], bad(i));
	}
	CHECK_EXITED(run_in_child(test_execve, argv[0]), TEST_PASS);
	test_read_only(fds);
	test_still_running(fds);
	return test_result();
}
