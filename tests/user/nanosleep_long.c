/*
 * nanosleep({2^62, 0}) sleeps, for as long as anyone will wait: a kernel
 * that turned the time into nanoseconds in a signed 64-bit count
 * overflowed and returned at once.  The child says it is about to sleep,
 * the parent gives it SETTLE_NS, finds it still asleep and kills it.
 * nanosleep still refuses a negative time or nanoseconds past a second.
 */
#include <signal.h>
#include <time.h>
#include "check.h"

#define HUGE_SEC	(1L << 62)
#define SETTLE_NS	200000000	/* 200 ms: far more than a wrong return takes */
#define NS_PER_SEC	1000000000L
#define WOKE		3		/* the child's status if nanosleep returned */

static void sleep_for_ever(int fd)
{
	struct timespec ts = { HUGE_SEC, 0 };

	turn_give(fd);
	nanosleep(&ts, NULL);
	_exit(WOKE);
}

int main(void)
{
	const struct timespec settle = { 0, SETTLE_NS };
	struct timespec bad = { -1, 0 };
	int fds[2], status;
	pid_t pid;

	CHECK_ERR(nanosleep(&bad, NULL), EINVAL);
	bad = (struct timespec){ 0, NS_PER_SEC };
	CHECK_ERR(nanosleep(&bad, NULL), EINVAL);

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0)
		sleep_for_ever(fds[1]);
	CHECK(pid > 0);
	CHECK(turn_take(fds[0]));
	nanosleep(&settle, NULL);
	CHECK_EQ(waitpid(pid, &status, WNOHANG), 0);	/* still asleep */
	CHECK_EQ(kill(pid, SIGKILL), 0);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_KILLED(status, SIGKILL);
	return test_result();
}
