/*
 * Pipe edges where Linux's behaviour is the rule:
 *
 *   - read(fd, buf, 0) returns 0 at once, even from an empty pipe whose
 *     writer is still open;
 *   - an end made with pipe2(O_NONBLOCK) fails with EAGAIN where it would
 *     block: reading an empty pipe, writing a full one, and writing at
 *     most PIPE_BUF bytes that do not all fit;
 *   - writes of PIPE_BUF bytes are atomic: two writers' records never
 *     interleave, however the reader takes them.
 *
 * A call that wrongly blocks must fail the test, not hang it: such calls
 * are made in a child that is given DEADLINE_SEC to end and then killed.
 */
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <sys/syscall.h>
#include "check.h"

#ifndef SYS_pipe2
#define SYS_pipe2	293
#endif
#ifndef SYS_sched_yield
#define SYS_sched_yield	24
#endif
#define PIPE_BUF_BYTES	4096	/* POSIX's PIPE_BUF on Linux and forklab */
#define DEADLINE_SEC	10	/* far more than any call here needs */
#define POLL_NS		10000000	/* 10 ms between looks at the child */
#define NS_PER_SEC	1000000000L
#define FILL_CHUNK	1000	/* pipes are filled this much at a time */
#define SHORT_READ	100	/* room made in a full pipe, under PIPE_BUF */
#define RECORDS		64	/* each writer's PIPE_BUF-byte records */
#define READ_CHUNK	1000	/* the reader's odd-sized reads */
#define WRITERS		2

/*
 * Runs fn(arg) in a child and returns its wait status, or NO_STATUS if it
 * had not ended within DEADLINE_SEC (it is then killed and reaped).
 */
static int run_bounded(int (*fn)(void *), void *arg)
{
	const struct timespec poll = { 0, POLL_NS };
	long waited;
	int status;
	pid_t pid = test_fork();

	if (pid == 0)
		_exit(fn(arg));
	CHECK(pid > 0);
	if (pid < 0)
		return NO_STATUS;
	for (waited = 0; waited < DEADLINE_SEC * NS_PER_SEC; waited += POLL_NS) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		nanosleep(&poll, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return NO_STATUS;
}

static int nonblocking_pipe(int fds[2])
{
	return (int)raw_syscall3(SYS_pipe2, (unsigned long)fds, O_NONBLOCK, 0);
}

static int read_nothing(void *unused)
{
	int fds[2];
	char c;

	(void)unused;
	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(read(fds[0], &c, 0), 0);	/* the writer is still open */
	return test_result();
}

/* Writes until the pipe is full; returns the bytes written. */
static long fill(int fd)
{
	static char buf[FILL_CHUNK];
	long total = 0, n;

	while ((n = write(fd, buf, sizeof(buf))) > 0)
		total += n;
	while ((n = write(fd, buf, 1)) > 0)	/* the last bytes of room */
		total += n;
	return total;
}

static int nonblocking(void *unused)
{
	static char buf[2 * PIPE_BUF_BYTES];
	long filled;
	int fds[2];

	(void)unused;
	CHECK_EQ(nonblocking_pipe(fds), 0);
	CHECK_ERR(read(fds[0], buf, 1), EAGAIN);
	filled = fill(fds[1]);
	CHECK(filled >= PIPE_BUF_BYTES);
	CHECK_ERR(write(fds[1], buf, 1), EAGAIN);
	CHECK_EQ(read(fds[0], buf, SHORT_READ), SHORT_READ);
	CHECK_ERR(write(fds[1], buf, PIPE_BUF_BYTES), EAGAIN);
	filled -= SHORT_READ;
	while (filled > 0) {
		long n = read(fds[0], buf, sizeof(buf));

		CHECK(n > 0);
		if (n <= 0)
			break;
		filled -= n;
	}
	CHECK_ERR(read(fds[0], buf, 1), EAGAIN);	/* empty, writer open */
	CHECK_EQ(close(fds[1]), 0);
	CHECK_EQ(read(fds[0], buf, 1), 0);		/* empty, no writer */
	CHECK_EQ(close(fds[0]), 0);
	return test_result();
}

static int write_records(int fd, char mark)
{
	static char rec[PIPE_BUF_BYTES];
	int i;

	memset(rec, mark, sizeof(rec));
	for (i = 0; i < RECORDS; i++)
		CHECK_EQ(write(fd, rec, sizeof(rec)), sizeof(rec));
	return test_result();
}

/*
 * Reads the stream in READ_CHUNK pieces, letting the writers run after
 * each, so that they find the pipe neither full nor empty; every record
 * must be one writer's.  Returns the number of whole records read.
 */
static int read_records(int fd)
{
	static char rec[PIPE_BUF_BYTES];
	size_t have = 0;
	int records = 0, mixed = 0;
	long n;

	while ((n = read(fd, rec + have, sizeof(rec) - have < READ_CHUNK ?
			 sizeof(rec) - have : READ_CHUNK)) > 0) {
		have += n;
		raw_syscall3(SYS_sched_yield, 0, 0, 0);
		if (have < sizeof(rec))
			continue;
		mixed += memchr(rec, rec[0] == 'a' ? 'b' : 'a', sizeof(rec)) != NULL;
		records++;
		have = 0;
	}
	CHECK_EQ(mixed, 0);
	CHECK_EQ(have, 0);
	return records;
}

static void test_atomic_writes(void)
{
	pid_t pids[WRITERS];
	int fds[2], i, status;

	CHECK_EQ(pipe(fds), 0);
	for (i = 0; i < WRITERS; i++) {
		pids[i] = test_fork();
		if (pids[i] == 0) {
			close(fds[0]);
			_exit(write_records(fds[1], 'a' + i));
		}
		CHECK(pids[i] > 0);
	}
	close(fds[1]);
	CHECK_EQ(read_records(fds[0]), WRITERS * RECORDS);
	close(fds[0]);
	for (i = 0; i < WRITERS; i++) {
		CHECK_EQ(waitpid(pids[i], &status, 0), pids[i]);
		CHECK_EXITED(status, TEST_PASS);
	}
}

int main(void)
{
	CHECK_EXITED(run_bounded(read_nothing, NULL), TEST_PASS);
	CHECK_EXITED(run_bounded(nonblocking, NULL), TEST_PASS);
	test_atomic_writes();
	return test_result();
}
