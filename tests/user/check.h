/*
 * What every user-level test shares.  A test checks with CHECK and its
 * relatives; a failed check prints one line to stderr naming the file, the
 * line and what was expected, and is counted.  main() ends with
 * "return test_result();", so the exit status says pass (0) or fail (1).
 *
 * Much of what the tests check ends a process (a fault, a signal), so
 * run_in_child() runs a function in a forked child and hands back the wait
 * status, and CHECK_EXITED / CHECK_KILLED judge that status.
 */
#ifndef TESTS_USER_CHECK_H
#define TESTS_USER_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

/* Pages are 4 KiB on x86-64, the only machine forklab runs on. */
#ifndef PAGE_SIZE
#define PAGE_SIZE 4096
#endif

/* Exit statuses of a test, as the runner reads them. */
#define TEST_PASS 0
#define TEST_FAIL 1

/* Stands for a wait status when there was no child to wait for. */
#define NO_STATUS (-1)

/* The failure count; a function, so that a header can own the variable. */
static inline int *check_failures(void)
{
	static int failures;

	return &failures;
}

static inline void check_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
	(*check_failures())++;
}

static inline int test_result(void)
{
	return *check_failures() ? TEST_FAIL : TEST_PASS;
}

#define CHECK(cond) \
	do { if (!(cond)) check_fail(__FILE__, __LINE__, #cond); } while (0)

static inline void check_eq(long got, long want, const char *file, int line,
			    const char *expr)
{
	if (got == want)
		return;
	fprintf(stderr, "%s:%d: check failed: %s is %ld, expected %ld\n",
		file, line, expr, got, want);
	(*check_failures())++;
}

#define CHECK_EQ(expr, want) \
	check_eq((long)(expr), (long)(want), __FILE__, __LINE__, #expr)

static inline void check_err(long ret, int err, int want, const char *file,
			     int line, const char *expr, const char *wname)
{
	if (ret == -1 && err == want)
		return;
	fprintf(stderr, "%s:%d: check failed: %s returned %ld, errno %d (%s); "
		"expected -1 with %s\n", file, line, expr, ret, err,
		strerror(err), wname);
	(*check_failures())++;
}

/*
 * CHECK_ERR(call, EFAULT): the call fails with that errno.  errno is read
 * only after the call, in its own statement, since the order in which
 * function arguments are evaluated is unspecified.
 */
#define CHECK_ERR(expr, want) \
	do { \
		errno = 0; \
		long ret_ = (long)(expr); \
		int err_ = errno; \
		check_err(ret_, err_, (want), __FILE__, __LINE__, #expr, \
			  #want); \
	} while (0)

/* Prints what a wait status means, in the runner's words. */
static inline void describe_status(FILE *f, int status)
{
	if (status == NO_STATUS)
		fprintf(f, "no child to wait for");
	else if (WIFEXITED(status))
		fprintf(f, "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		fprintf(f, "killed by signal %d", WTERMSIG(status));
	else
		fprintf(f, "wait status %#x", status);
}

static inline void check_status(int status, int exited, int code,
				const char *file, int line, const char *what)
{
	if (status != NO_STATUS &&
	    (exited ? WIFEXITED(status) && WEXITSTATUS(status) == code
		    : WIFSIGNALED(status) && WTERMSIG(status) == code))
		return;
	fprintf(stderr, "%s:%d: check failed: %s: ", file, line, what);
	describe_status(stderr, status);
	fprintf(stderr, ", expected %s %d\n",
		exited ? "to exit with" : "to be killed by signal", code);
	(*check_failures())++;
}

#define CHECK_EXITED(status, code) \
	check_status((status), 1, (code), __FILE__, __LINE__, #status)
#define CHECK_KILLED(status, sig) \
	check_status((status), 0, (sig), __FILE__, __LINE__, #status)

/*
 * A byte pattern that differs from page to page as well as within a page,
 * so that a page turning up at the wrong address is caught too.
 */
static inline unsigned char pattern_byte(size_t i, unsigned seed)
{
	return (unsigned char)(seed + i + i / PAGE_SIZE);
}

static inline void fill_pattern(void *p, size_t n, unsigned seed)
{
	unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = pattern_byte(i, seed);
}

static inline int holds_pattern(const void *p, size_t n, unsigned seed)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != pattern_byte(i, seed))
			return 0;
	return 1;
}

static inline int is_zero(const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] != 0)
			return 0;
	return 1;
}

/*
 * Processes take turns by passing a byte through a pipe, never by sleeping:
 * an emulated machine can stall at any moment, so a sleep that is long
 * enough on one run is too short on the next.  turn_take() returns 0 when
 * the pipe has no writer left instead of a byte.
 */
static inline void turn_give(int fd)
{
	char c = 0;

	CHECK_EQ(write(fd, &c, 1), 1);
}

static inline int turn_take(int fd)
{
	char c;

	return read(fd, &c, 1) == 1;
}

/*
 * fork() for tests: stdout is flushed first, so text still in its buffer
 * is not printed by both processes, and the child starts with no failures
 * of its own, so its exit status speaks only for itself.
 */
static inline pid_t test_fork(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0)
		*check_failures() = 0;
	return pid;
}

/*
 * A system call made with the syscall instruction itself, so that the
 * kernel sees the registers exactly as given: no C library checks,
 * truncates or wraps them (a libc brk() or close() would).
 */
static inline long raw_syscall3(long nr, unsigned long a1, unsigned long a2,
				unsigned long a3)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3)
			 : "rcx", "r11", "memory");
	return ret;
}

/* The same with a fourth argument, which goes in r10. */
static inline long raw_syscall4(long nr, unsigned long a1, unsigned long a2,
				unsigned long a3, unsigned long a4)
{
	register unsigned long r10 __asm__("r10") = a4;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * Runs fn(arg) in a forked child that exits with what fn returns, and
 * returns the child's wait status (NO_STATUS if fork failed).
 */
static inline int run_in_child(int (*fn)(void *), void *arg)
{
	int status = NO_STATUS;
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(fn(arg));
	CHECK(pid > 0);
	if (pid < 0)
		return NO_STATUS;
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	return status;
}

#endif
