/*
 * fork gives the child a reference to each open file only up to the
 * table's `top`, one past the highest descriptor ever installed
 * (kernel/fdtable.c), so every way of installing a descriptor must raise
 * it.  Each way here puts a pipe's only write end at the last descriptor,
 * above every one its process had, then forks; the child closes its copy.
 * The parent's must still be open: the pipe has a writer, so a read finds
 * no data yet rather than the end of file.  Had the child's copy no
 * reference of its own, its close would have ended the parent's writer.
 * Each way runs in a process of its own, whose table has never reached
 * the last descriptor.
 */
#define _GNU_SOURCE             /* dup3 in glibc */
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define LAST_FD         63      /* the kernel's NOFILE - 1 */
#define FIRST_FREE      3       /* above stdin, stdout and stderr */

enum { DUP2, DUP3, F_DUPFD_WAY, F_DUPFD_CLOEXEC_WAY, DUP, PIPE, WAYS };
static const char *const way_names[WAYS] = {
	"dup2", "dup3", "F_DUPFD", "F_DUPFD_CLOEXEC", "dup", "pipe"
};

/* Holds every free descriptor from FIRST_FREE up to below `to`, so that
 * the next lowest-free install takes `to`. */
static void fill_below(int to)
{
	for (int fd = FIRST_FREE; fd < to; fd++)
		if (fcntl(fd, F_GETFD) < 0)
			CHECK_EQ(dup2(0, fd), fd);
}

/* Leaves a pipe's write end at LAST_FD, and nowhere else; returns the
 * read end. */
static int install(int way)
{
	int fds[2];

	if (way == PIPE) {
		fill_below(LAST_FD - 1);
		CHECK_EQ(pipe(fds), 0);
		CHECK_EQ(fds[1], LAST_FD);
		return fds[0];
	}
	CHECK_EQ(pipe(fds), 0);
	switch (way) {
	case DUP2: CHECK_EQ(dup2(fds[1], LAST_FD), LAST_FD); break;
	case DUP3: CHECK_EQ(dup3(fds[1], LAST_FD, O_CLOEXEC), LAST_FD); break;
	case F_DUPFD_WAY: CHECK_EQ(fcntl(fds[1], F_DUPFD, LAST_FD), LAST_FD); break;
	case F_DUPFD_CLOEXEC_WAY:
		CHECK_EQ(fcntl(fds[1], F_DUPFD_CLOEXEC, LAST_FD), LAST_FD);
		break;
	case DUP: fill_below(LAST_FD); CHECK_EQ(dup(fds[1]), LAST_FD); break;
	}
	CHECK_EQ(close(fds[1]), 0);
	return fds[0];
}

static int one_way(int way)
{
	int reader = install(way), status;
	char c = 'x', got = 0;
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(close(LAST_FD) == 0 ? 0 : 1);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	CHECK_EQ(fcntl(reader, F_SETFL, O_NONBLOCK), 0);
	CHECK_ERR(read(reader, &got, 1), EAGAIN);       /* our writer is still open */
	CHECK_EQ(write(LAST_FD, &c, 1), 1);
	CHECK_EQ(close(LAST_FD), 0);
	CHECK_EQ(read(reader, &got, 1), 1);
	CHECK_EQ(got, c);
	CHECK_EQ(read(reader, &got, 1), 0);             /* and now the last is closed */
	return test_result();
}

int main(void)
{
	for (int way = 0; way < WAYS; way++) {
		int status;
		pid_t pid = test_fork();

		if (pid == 0)
			_exit(one_way(way));
		CHECK_EQ(waitpid(pid, &status, 0), pid);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			printf("fork_fd_top: the descriptor %s put in was not the child's own\n",
			       way_names[way]);
		CHECK_EXITED(status, 0);
	}
	return test_result();
}
