/*
 * dup3 and dup2 edges, and close-on-exec kept by execve, as in Linux:
 *
 *   - dup3 with the same descriptor twice gives EINVAL (dup2 returns it),
 *     with a flag other than O_CLOEXEC EINVAL, with a closed source or a
 *     target out of range EBADF;
 *   - dup3(O_CLOEXEC) sets the target's close-on-exec flag, dup2 clears it,
 *     and either closes what the target named;
 *   - execve closes every descriptor marked close-on-exec, however it was
 *     marked (F_SETFD, F_DUPFD_CLOEXEC, dup3, pipe2, open), and keeps the
 *     others.  The test runs itself again, by the path it was started with,
 *     to look.
 */
#define _GNU_SOURCE             /* dup3 and pipe2 in glibc */
#include <fcntl.h>
#include <stdlib.h>
#include "check.h"

#define CHECK_FLAG	"check-fds"	/* argv[1] of the image after execve */
#define FIRST_FD	10		/* the descriptors the exec check uses */
#define NR_FDS		6		/* FIRST_FD and the five after it */
#define KEPT_FD		(FIRST_FD + NR_FDS - 1)
#define OUT_OF_RANGE	100000
#define BAD_FLAG	1
#define EXEC_FAILED	127

static void dup3_errors(int fd)
{
	CHECK_ERR(dup3(fd, fd, 0), EINVAL);
	CHECK_ERR(dup3(fd, fd, O_CLOEXEC), EINVAL);
	CHECK_ERR(dup3(fd, FIRST_FD, BAD_FLAG), EINVAL);
	CHECK_ERR(dup3(fd, FIRST_FD, O_NONBLOCK), EINVAL);
	CHECK_ERR(dup3(FIRST_FD, FIRST_FD + 1, 0), EBADF);
	CHECK_ERR(dup3(fd, -1, 0), EBADF);
	CHECK_ERR(dup3(fd, OUT_OF_RANGE, 0), EBADF);
	CHECK_ERR(dup3(-1, -1, 0), EINVAL);             /* the same-fd check is first */
	CHECK_EQ(dup2(fd, fd), fd);
	CHECK_ERR(dup2(FIRST_FD, FIRST_FD), EBADF);
}

/* dup3 onto an open descriptor closes it: the pipe's write end goes, so
 * the read end sees the end of the data. */
static void replaces(int fds[2])
{
	int spare = dup(fds[0]);
	char c;

	CHECK_EQ(dup3(spare, fds[1], O_CLOEXEC), fds[1]);
	CHECK_EQ(fcntl(fds[1], F_GETFD), FD_CLOEXEC);
	CHECK_EQ(read(fds[0], &c, 1), 0);
	CHECK_EQ(dup2(spare, fds[1]), fds[1]);
	CHECK_EQ(fcntl(fds[1], F_GETFD), 0);
	close(spare);
}

/* Descriptors FIRST_FD.. KEPT_FD - 1 marked close-on-exec five ways, and
 * KEPT_FD not marked. */
static void mark_for_exec(int fd, const char *self)
{
	int p[2];

	CHECK_EQ(dup2(fd, FIRST_FD), FIRST_FD);
	CHECK_EQ(fcntl(FIRST_FD, F_SETFD, FD_CLOEXEC), 0);
	CHECK_EQ(fcntl(fd, F_DUPFD_CLOEXEC, FIRST_FD + 1), FIRST_FD + 1);
	CHECK_EQ(dup3(fd, FIRST_FD + 2, O_CLOEXEC), FIRST_FD + 2);
	CHECK_EQ(pipe2(p, O_CLOEXEC), 0);
	CHECK_EQ(dup3(p[0], FIRST_FD + 3, O_CLOEXEC), FIRST_FD + 3);
	close(p[0]);
	close(p[1]);
	CHECK_EQ(dup3(open(self, O_RDONLY | O_CLOEXEC), FIRST_FD + 4, O_CLOEXEC), FIRST_FD + 4);
	CHECK_EQ(dup2(fd, KEPT_FD), KEPT_FD);
}

static int check_fds_after_exec(void)
{
	for (int fd = FIRST_FD; fd < KEPT_FD; fd++)
		CHECK_ERR(fcntl(fd, F_GETFD), EBADF);
	CHECK_EQ(fcntl(KEPT_FD, F_GETFD), 0);
	return test_result();
}

static void exec_keeps_only_unmarked(int fd, char *self)
{
	char *args[] = { self, CHECK_FLAG, NULL };
	int status = NO_STATUS;
	pid_t pid = test_fork();

	if (pid == 0) {
		mark_for_exec(fd, self);
		execv(self, args);
		_exit(EXEC_FAILED);
	}
	CHECK(pid > 0);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
}

int main(int argc, char **argv)
{
	int fds[2];

	if (argc > 1 && !strcmp(argv[1], CHECK_FLAG))
		return check_fds_after_exec();
	for (int fd = FIRST_FD; fd < FIRST_FD + NR_FDS; fd++)
		close(fd);
	CHECK_EQ(pipe(fds), 0);
	dup3_errors(fds[0]);
	exec_keeps_only_unmarked(fds[0], argv[0]);
	replaces(fds);
	return test_result();
}
