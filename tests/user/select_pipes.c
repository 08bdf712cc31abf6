/*
 * select and pselect on pipes, as Linux answers them:
 *
 *   - the sets come back holding only what is ready: an empty pipe's read
 *     end is not, its write end is, data or a hang-up makes the read end
 *     readable; the count is of bits set, one descriptor counting twice
 *     when both readable and writable (a write end with no reader, in
 *     error, is both);
 *   - a closed descriptor in a set gives EBADF, a negative nfds EINVAL;
 *     bits at or past nfds are not looked at; a large nfds is fine;
 *   - select writes the time left back into its timeval (0 after a
 *     timeout), and carries microseconds past a second; a negative part
 *     gives EINVAL;
 *   - a signal with a handler ends a wait with EINTR; pselect's mask is the
 *     one in force while it waits, the old one is back afterwards.
 */
#include <signal.h>
#include <sys/select.h>
#include "check.h"

#define TIMEOUT_US	100000
#define CARRIED_US	1500000		/* 1.5 s written as microseconds */
#define NS_PER_US	1000L
#define CLOSED_FD	60
#define BIG_NFDS	FD_SETSIZE

static volatile int caught;

static void on_signal(int sig)
{
	(void)sig;
	caught++;
}

static void readiness(void)
{
	struct timeval zero = { 0, 0 };
	fd_set rd, wr;
	int fds[2];

	CHECK_EQ(pipe(fds), 0);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(fds[1], &wr);
	CHECK_EQ(select(fds[1] + 1, &rd, &wr, NULL, &zero), 1);
	CHECK(!FD_ISSET(fds[0], &rd));
	CHECK(FD_ISSET(fds[1], &wr));
	CHECK_EQ(write(fds[1], "x", 1), 1);
	FD_SET(fds[0], &rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &wr);                    /* a read end is never writable */
	CHECK_EQ(select(BIG_NFDS, &rd, &wr, NULL, &zero), 1);
	CHECK(FD_ISSET(fds[0], &rd));
	CHECK(!FD_ISSET(fds[0], &wr));
	close(fds[1]);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	FD_SET(CLOSED_FD, &rd);                 /* past nfds: not looked at */
	CHECK_EQ(select(fds[0] + 1, &rd, NULL, NULL, &zero), 1);
	CHECK(FD_ISSET(fds[0], &rd));
	CHECK(!FD_ISSET(CLOSED_FD, &rd));
	close(fds[0]);
}

/* A write end whose reader is gone is in error, which select counts as
 * readable and writable: two bits for one descriptor. */
static void counts_bits(void)
{
	struct timeval zero = { 0, 0 };
	fd_set rd, wr;
	int fds[2];

	CHECK_EQ(pipe(fds), 0);
	close(fds[0]);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[1], &rd);
	FD_SET(fds[1], &wr);
	CHECK_EQ(select(fds[1] + 1, &rd, &wr, NULL, &zero), 2);
	CHECK(FD_ISSET(fds[1], &rd));
	CHECK(FD_ISSET(fds[1], &wr));
	close(fds[1]);
}

static void errors(void)
{
	struct timeval zero = { 0, 0 }, neg = { 0, -1 };
	fd_set rd;

	FD_ZERO(&rd);
	FD_SET(CLOSED_FD, &rd);
	CHECK_ERR(select(CLOSED_FD + 1, &rd, NULL, NULL, &zero), EBADF);
	CHECK_ERR(select(-1, NULL, NULL, NULL, &zero), EINVAL);
	CHECK_ERR(select(0, NULL, NULL, NULL, &neg), EINVAL);
	neg = (struct timeval){ -1, 0 };
	CHECK_ERR(select(0, NULL, NULL, NULL, &neg), EINVAL);
	FD_ZERO(&rd);
	FD_SET(0, &rd);
	CHECK_EQ(select(0, &rd, NULL, NULL, &zero), 0);         /* nfds 0: nothing */
	CHECK_EQ(select(0, NULL, NULL, NULL, &(struct timeval){ 0, 1 }), 0);
}

/* A timeout leaves nothing in the timeval; a long one, carried from the
 * microseconds, is cut short by the pipe's data and shows time left. */
static void time_left(void)
{
	struct timeval tv = { 0, TIMEOUT_US };
	fd_set rd;
	int fds[2];

	CHECK_EQ(pipe(fds), 0);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	CHECK_EQ(select(fds[0] + 1, &rd, NULL, NULL, &tv), 0);
	CHECK_EQ(tv.tv_sec, 0);
	CHECK_EQ(tv.tv_usec, 0);
	CHECK(!FD_ISSET(fds[0], &rd));
	CHECK_EQ(write(fds[1], "x", 1), 1);
	tv = (struct timeval){ 0, CARRIED_US };
	FD_SET(fds[0], &rd);
	CHECK_EQ(select(fds[0] + 1, &rd, NULL, NULL, &tv), 1);
	CHECK(tv.tv_sec == 1 && tv.tv_usec > 0);
	close(fds[0]);
	close(fds[1]);
}

static void interrupted(void)
{
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART };
	fd_set rd;
	int fds[2];

	CHECK_EQ(pipe(fds), 0);
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	sigaction(SIGALRM, &sa, NULL);
	caught = 0;
	alarm(1);
	CHECK_ERR(select(fds[0] + 1, &rd, NULL, NULL, NULL), EINTR);
	CHECK_EQ(caught, 1);
	close(fds[0]);
	close(fds[1]);
}

static void pselect_mask(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	const struct timespec t = { 0, TIMEOUT_US * NS_PER_US };
	sigset_t block, empty, now;
	fd_set rd;
	int fds[2];

	CHECK_EQ(pipe(fds), 0);
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&block);
	sigemptyset(&empty);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	kill(getpid(), SIGUSR1);
	caught = 0;
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	CHECK_EQ(pselect(fds[0] + 1, &rd, NULL, NULL, &t, &block), 0);
	CHECK_EQ(caught, 0);
	FD_SET(fds[0], &rd);
	CHECK_ERR(pselect(fds[0] + 1, &rd, NULL, NULL, NULL, &empty), EINTR);
	CHECK_EQ(caught, 1);
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	close(CLOSED_FD);
	readiness();
	counts_bits();
	errors();
	time_left();
	interrupted();
	pselect_mask();
	return test_result();
}
