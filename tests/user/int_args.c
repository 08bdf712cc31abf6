/*
 * Where Linux reads an int, the upper half of the register is junk it
 * never looks at.  The system call number is one (only the low 32 bits of
 * rax choose the call), and so are clock ids, pids, signals, wait4's
 * options, pipe2's and openat's flags, openat's directory, lseek's whence
 * and arch_prctl's code.  Each call here is made with the syscall
 * instruction itself and junk above the int, and must do what it does
 * without it.  (Descriptors: tests/user/fd_upper_bits.c.)
 *
 * usage: int_args    (argv[0] must name the program, to open it)
 */
#include <fcntl.h>
#include <time.h>
#include <sys/syscall.h>
#include "check.h"

#ifndef SYS_pipe2
#define SYS_pipe2	293
#endif
#ifndef SYS_arch_prctl
#define SYS_arch_prctl	158
#endif
#define ARCH_GET_FS_CODE 0x1003
#define JUNK		0xdead000100000000UL	/* upper half only */
#define LOW(x)		((unsigned long)(unsigned int)(x))	/* an int's bits */
#define EXIT_CODE	7

static void test_numbers(void)
{
	long pid = getpid();

	CHECK_EQ(raw_syscall3(JUNK | SYS_getpid, 0, 0, 0), pid);
	CHECK_EQ(raw_syscall3(~0UL << 32 | SYS_getpid, 0, 0, 0), pid);
	CHECK_EQ(raw_syscall3(~0UL, 0, 0, 0), -ENOSYS);		/* -1 */
}

static void test_clock_and_kill(void)
{
	struct timespec ts;

	CHECK_EQ(raw_syscall3(SYS_clock_gettime, JUNK | CLOCK_MONOTONIC,
			      (unsigned long)&ts, 0), 0);
	CHECK_EQ(raw_syscall3(SYS_clock_gettime, JUNK | CLOCK_REALTIME,
			      (unsigned long)&ts, 0), 0);
	CHECK_EQ(raw_syscall3(SYS_kill, JUNK | LOW(getpid()), JUNK | 0, 0), 0);
}

/* A child that exits at once, waited for with junk in every int. */
static void test_wait4(void)
{
	int status = 0;
	pid_t pid = test_fork();

	if (pid == 0)
		raw_syscall3(SYS_exit_group, JUNK | EXIT_CODE, 0, 0);
	CHECK(pid > 0);
	CHECK_EQ(raw_syscall4(SYS_wait4, JUNK | LOW(pid), (unsigned long)&status,
			      JUNK | 0, 0), pid);
	CHECK_EXITED(status, EXIT_CODE);
	CHECK_EQ(raw_syscall4(SYS_wait4, JUNK | LOW(-1), 0, JUNK | WNOHANG, 0),
		 -ECHILD);
}

static void test_files(const char *self)
{
	int fds[2];
	long fd;
	unsigned long fs;

	CHECK_EQ(raw_syscall3(SYS_pipe2, (unsigned long)fds, JUNK | O_CLOEXEC, 0),
		 0);
	close(fds[0]);
	close(fds[1]);
	fd = raw_syscall4(SYS_openat, JUNK | LOW(AT_FDCWD), (unsigned long)self,
			  JUNK | O_RDONLY, 0);
	CHECK(fd >= 0);
	if (fd >= 0) {
		CHECK_EQ(raw_syscall3(SYS_lseek, fd, 1, JUNK | SEEK_SET), 1);
		CHECK_EQ(raw_syscall3(SYS_lseek, fd, 1, JUNK | SEEK_CUR), 2);
		close(fd);
	}
	CHECK_EQ(raw_syscall3(SYS_arch_prctl, JUNK | ARCH_GET_FS_CODE,
			      (unsigned long)&fs, 0), 0);
}

int main(int argc, char **argv)
{
	(void)argc;
	test_numbers();
	test_clock_and_kill();
	test_wait4();
	test_files(argv[0]);
	return test_result();
}
