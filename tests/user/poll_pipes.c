/*
 * poll and ppoll on pipes and files, as Linux answers them:
 *
 *   - an empty pipe's read end is not ready, its write end is (POLLOUT);
 *     data makes the read end POLLIN; a read end whose writers are gone is
 *     POLLHUP (with POLLIN while data is left), a write end whose readers
 *     are gone POLLERR, whether asked for or not;
 *   - a negative fd is skipped (revents 0), a closed one is POLLNVAL;
 *     a regular file is always readable and writable;
 *   - a zero timeout returns at once, a positive one waits at least that
 *     long, and a blocked poll wakes when another process writes, stays
 *     asleep while other pipes change, and every poller of a pipe wakes;
 *   - a signal with a handler ends a wait with EINTR, SA_RESTART or not;
 *     ppoll's mask is the one in force while it waits, and the old one is
 *     back afterwards;
 *   - too many entries give EINVAL, an unreadable array EFAULT.
 */
#define _GNU_SOURCE             /* ppoll in glibc */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "check.h"

#define TIMEOUT_MS	100
#define MS_PER_SEC	1000
#define NS_PER_MS	1000000L
#define TOO_MANY	(1 << 30)	/* past any RLIMIT_NOFILE */
#define CLOSED_FD	60
#define UNMAPPED	8	/* in the first page, never mapped */
#define FOREVER		(-1)
#define SLEEP_NS	(50 * NS_PER_MS)	/* the writer's pause before writing */
#define POLLERS		8
#define STAT_MAX	256

static volatile int caught;

static void on_signal(int sig)
{
	(void)sig;
	caught++;
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * MS_PER_SEC + t.tv_nsec / NS_PER_MS;
}

static short poll_one(int fd, short events, int timeout)
{
	struct pollfd p = { fd, events, 0 };

	CHECK(poll(&p, 1, timeout) >= 0);
	return p.revents;
}

static void pipe_states(void)
{
	int fds[2];
	char c[2];

	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(poll_one(fds[0], POLLIN, 0), 0);
	CHECK_EQ(poll_one(fds[1], POLLOUT, 0), POLLOUT);
	CHECK_EQ(poll_one(fds[1], POLLIN, 0), 0);
	CHECK_EQ(write(fds[1], "ab", 2), 2);
	CHECK_EQ(poll_one(fds[0], POLLIN | POLLOUT, 0), POLLIN);
	CHECK_EQ(poll_one(fds[0], POLLRDNORM, 0), POLLRDNORM);
	close(fds[1]);
	CHECK_EQ(poll_one(fds[0], POLLIN, 0), POLLIN | POLLHUP);
	CHECK_EQ(read(fds[0], c, 2), 2);
	CHECK_EQ(poll_one(fds[0], 0, 0), POLLHUP);
	close(fds[0]);
	CHECK_EQ(pipe(fds), 0);
	close(fds[0]);
	CHECK_EQ(poll_one(fds[1], POLLOUT, 0), POLLOUT | POLLERR);
	CHECK_EQ(poll_one(fds[1], 0, 0), POLLERR);
	close(fds[1]);
}

static void entries(const char *self)
{
	volatile nfds_t too_many = TOO_MANY;           /* volatile: no compiler warning */
	struct pollfd *volatile unmapped = (struct pollfd *)UNMAPPED;
	int fd = open(self, O_RDONLY);
	struct pollfd p[3] = { { -1, POLLIN, 7 }, { CLOSED_FD, POLLIN, 7 }, { fd, POLLIN | POLLOUT, 7 } };

	CHECK(fd >= 0);
	CHECK_EQ(poll(p, 3, 0), 2);
	CHECK_EQ(p[0].revents, 0);
	CHECK_EQ(p[1].revents, POLLNVAL);
	CHECK_EQ(p[2].revents, POLLIN | POLLOUT);
	CHECK_ERR(poll(p, too_many, 0), EINVAL);
	CHECK_ERR(poll(unmapped, 1, 0), EFAULT);
	CHECK_EQ(poll(NULL, 0, 0), 0);
	close(fd);
}

static void timeout(void)
{
	int fds[2];
	long start;

	CHECK_EQ(pipe(fds), 0);
	start = now_ms();
	CHECK_EQ(poll_one(fds[0], POLLIN, TIMEOUT_MS), 0);
	CHECK(now_ms() - start >= TIMEOUT_MS);
	close(fds[0]);
	close(fds[1]);
}

/* A child writes after a pause; the blocked poll sees it. */
static void woken_by_writer(void)
{
	const struct timespec pause = { 0, SLEEP_NS };
	int fds[2], status;
	pid_t pid;

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		nanosleep(&pause, NULL);
		_exit(write(fds[1], "x", 1) == 1 ? 0 : 1);
	}
	CHECK_EQ(poll_one(fds[0], POLLIN, FOREVER), POLLIN);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	close(fds[0]);
	close(fds[1]);
}

/* The state letter /proc/PID/stat gives, after the name in parentheses. */
static char proc_state(pid_t pid)
{
	char path[STAT_MAX], text[STAT_MAX];
	char *end;
	int fd;
	long n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	CHECK(n > 0);
	text[n > 0 ? n : 0] = 0;
	end = strrchr(text, ')');
	return end ? end[2] : 0;
}

/* Waits until pid sleeps: asleep in its poll. */
static void wait_asleep(pid_t pid)
{
	const struct timespec tick = { 0, NS_PER_MS };

	while (proc_state(pid) != 'S')
		nanosleep(&tick, NULL);
}

/* A child polls mine; while it sleeps, another pipe is written and time
 * passes, and it sleeps on; a write to mine ends its poll. */
static void woken_only_by_its_pipe(void)
{
	const struct timespec pause = { 0, SLEEP_NS };
	int mine[2], other[2], status;
	pid_t pid;

	CHECK_EQ(pipe(mine), 0);
	CHECK_EQ(pipe(other), 0);
	pid = test_fork();
	if (pid == 0)
		_exit(poll_one(mine[0], POLLIN, FOREVER) == POLLIN ? 0 : 1);
	wait_asleep(pid);
	CHECK_EQ(write(other[1], "y", 1), 1);
	nanosleep(&pause, NULL);
	CHECK_EQ(waitpid(pid, &status, WNOHANG), 0);
	CHECK_EQ(proc_state(pid), 'S');
	CHECK_EQ(write(mine[1], "x", 1), 1);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, 0);
	close(mine[0]);
	close(mine[1]);
	close(other[0]);
	close(other[1]);
}

/* POLLERS children all asleep in poll on one pipe: one byte wakes them
 * all, and each sees POLLIN. */
static void many_pollers(void)
{
	pid_t pids[POLLERS];
	int fds[2], status;

	CHECK_EQ(pipe(fds), 0);
	for (int i = 0; i < POLLERS; i++) {
		pids[i] = test_fork();
		if (pids[i] == 0)
			_exit(poll_one(fds[0], POLLIN, FOREVER) == POLLIN ? 0 : 1);
	}
	for (int i = 0; i < POLLERS; i++)
		wait_asleep(pids[i]);
	CHECK_EQ(write(fds[1], "x", 1), 1);
	for (int i = 0; i < POLLERS; i++) {
		CHECK_EQ(waitpid(pids[i], &status, 0), pids[i]);
		CHECK_EXITED(status, 0);
	}
	close(fds[0]);
	close(fds[1]);
}

/* An alarm's handler ends a poll that would wait for ever: EINTR, though
 * the handler asked for restarts. */
static void interrupted(void)
{
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART };
	struct pollfd p;
	int fds[2];

	CHECK_EQ(pipe(fds), 0);
	p = (struct pollfd){ fds[0], POLLIN, 0 };
	sigaction(SIGALRM, &sa, NULL);
	caught = 0;
	alarm(1);
	CHECK_ERR(poll(&p, 1, FOREVER), EINTR);
	CHECK_EQ(caught, 1);
	close(fds[0]);
	close(fds[1]);
}

/* SIGUSR1, blocked and pending, is let in by ppoll's mask only: EINTR,
 * and then blocked again. */
static void ppoll_mask(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	const struct timespec t = { 0, TIMEOUT_MS * NS_PER_MS };
	sigset_t block, empty, now;
	struct pollfd p;
	int fds[2];

	CHECK_EQ(pipe(fds), 0);
	p = (struct pollfd){ fds[0], POLLIN, 0 };
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&block);
	sigemptyset(&empty);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	CHECK_EQ(ppoll(&p, 1, &t, &block), 0);          /* still blocked: a timeout */
	kill(getpid(), SIGUSR1);
	caught = 0;
	CHECK_EQ(ppoll(&p, 1, &t, &block), 0);
	CHECK_EQ(caught, 0);
	CHECK_ERR(ppoll(&p, 1, NULL, &empty), EINTR);
	CHECK_EQ(caught, 1);
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	close(fds[0]);
	close(fds[1]);
}

int main(int argc, char **argv)
{
	(void)argc;
	close(CLOSED_FD);
	pipe_states();
	entries(argv[0]);
	timeout();
	woken_by_writer();
	woken_only_by_its_pipe();
	many_pollers();
	interrupted();
	ppoll_mask();
	return test_result();
}
