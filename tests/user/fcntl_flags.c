/*
 * fcntl as Linux answers it:
 *
 *   - F_GETFD/F_SETFD: close-on-exec belongs to the descriptor, so a dup
 *     does not share it;
 *   - F_GETFL/F_SETFL: the status flags belong to the open file, so
 *     O_NONBLOCK set through one descriptor is seen through its dup, and
 *     it makes an empty pipe's read fail with EAGAIN; the access mode
 *     cannot be changed;
 *   - F_DUPFD and F_DUPFD_CLOEXEC give the lowest free descriptor at or
 *     above their argument: EINVAL at or past RLIMIT_NOFILE (a negative
 *     one included), EMFILE when every one up to the limit is taken;
 *   - a closed descriptor gives EBADF, an unknown command EINVAL.
 */
#include <fcntl.h>
#include <limits.h>
#include <sys/resource.h>
#include "check.h"

#define LIMIT		64	/* forklab's RLIMIT_NOFILE; set on the host too */
#define HIGH_FD		40	/* free in a test that opened a few */
#define UNKNOWN_CMD	9999
#define CLOSED_FD	(LIMIT - 1)

static void descriptor_flag(int fd)
{
	int copy = dup(fd);

	CHECK_EQ(fcntl(fd, F_GETFD), 0);
	CHECK_EQ(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	CHECK_EQ(fcntl(copy, F_GETFD), 0);              /* not shared by dup */
	CHECK_EQ(fcntl(fd, F_SETFD, 0), 0);
	CHECK_EQ(fcntl(fd, F_GETFD), 0);
	close(copy);
}

static void status_flags(int fds[2])
{
	int copy = dup(fds[0]);
	char c;

	CHECK_EQ(fcntl(fds[0], F_GETFL) & (O_ACCMODE | O_NONBLOCK), O_RDONLY);
	CHECK_EQ(fcntl(fds[1], F_GETFL) & (O_ACCMODE | O_NONBLOCK), O_WRONLY);
	CHECK_EQ(fcntl(fds[0], F_SETFL, O_NONBLOCK | O_RDWR), 0);
	CHECK_EQ(fcntl(copy, F_GETFL) & (O_ACCMODE | O_NONBLOCK), O_RDONLY | O_NONBLOCK);
	if (fcntl(copy, F_GETFL) & O_NONBLOCK)          /* else the read would hang */
		CHECK_ERR(read(copy, &c, 1), EAGAIN);
	CHECK_EQ(write(fds[1], "x", 1), 1);
	CHECK_EQ(read(copy, &c, 1), 1);
	CHECK_EQ(fcntl(copy, F_SETFL, 0), 0);
	CHECK_EQ(fcntl(fds[0], F_GETFL) & O_NONBLOCK, 0);
	close(copy);
}

static void dupfd(int fd)
{
	int a = fcntl(fd, F_DUPFD, HIGH_FD);
	int b = fcntl(fd, F_DUPFD_CLOEXEC, HIGH_FD);

	CHECK_EQ(a, HIGH_FD);
	CHECK_EQ(b, HIGH_FD + 1);
	CHECK_EQ(fcntl(a, F_GETFD), 0);
	CHECK_EQ(fcntl(b, F_GETFD), FD_CLOEXEC);
	CHECK_EQ(fcntl(fd, F_DUPFD, 0), 3 + 2);         /* lowest free: after the pipe */
	close(3 + 2);
	close(a);
	close(b);
	CHECK_ERR(fcntl(fd, F_DUPFD, LIMIT), EINVAL);
	CHECK_ERR(fcntl(fd, F_DUPFD, -1), EINVAL);
	CHECK_ERR(fcntl(fd, F_DUPFD_CLOEXEC, INT_MAX), EINVAL);
	CHECK_EQ(fcntl(fd, F_DUPFD, LIMIT - 1), LIMIT - 1);
	CHECK_ERR(fcntl(fd, F_DUPFD, LIMIT - 1), EMFILE);
	close(LIMIT - 1);
}

static void errors(int fd)
{
	CHECK_ERR(fcntl(CLOSED_FD, F_GETFD), EBADF);
	CHECK_ERR(fcntl(CLOSED_FD, F_SETFL, O_NONBLOCK), EBADF);
	CHECK_ERR(fcntl(-1, F_GETFL), EBADF);
	CHECK_ERR(fcntl(CLOSED_FD, F_DUPFD, 0), EBADF);
	CHECK_ERR(fcntl(fd, UNKNOWN_CMD, 0), EINVAL);
}

int main(void)
{
	struct rlimit lim = { LIMIT, LIMIT };
	int fds[2];

	for (int fd = 3; fd < LIMIT; fd++)
		close(fd);                      /* the lowest free is 3 */
	CHECK_EQ(setrlimit(RLIMIT_NOFILE, &lim), 0);
	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(fds[0], 3);
	descriptor_flag(fds[0]);
	status_flags(fds);
	dupfd(fds[0]);
	errors(fds[0]);
	return test_result();
}
