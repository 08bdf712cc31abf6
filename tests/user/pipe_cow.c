/*
 * Pipes, and the kernel writing into copy-on-write memory.  When read()
 * fills a buffer that fork left shared copy-on-write, it is the kernel, not
 * the program, that writes to the shared page: it must copy the page first,
 * just as a fault from user mode would, or the other process sees the data
 * too.  Checked with the child reading (the parent's copy must not change)
 * and with the parent reading (the child's must not), into pages written
 * before fork and into .bss pages never touched at all.
 *
 * Also: 1 MiB through a pipe in uneven pieces, arriving whole and in
 * order; end-of-file only once the last writer, in any process, is gone;
 * and EPIPE for a write with no reader left.  SIGPIPE is ignored first, as
 * on Linux such a write also raises it.
 */
#include <signal.h>
#include "check.h"

#define BUF_SIZE	(3 * PAGE_SIZE)
#define DATA_OFFSET	100	/* so that reads start and end inside pages */
#define DATA_LEN	(2 * PAGE_SIZE + 200)
#define SEED_BUF	0x21	/* the buffer as written before fork */
#define SEED_DATA	0x42	/* what goes through the pipe */
#define STREAM_LEN	(1UL << 20)
#define READ_PIECE	3001	/* an odd size, so reads straddle writes */
#define MAX_PIECE	8192
#define EOF_BYTE	'x'

/* Sizes the 1 MiB writer cycles through. */
static const size_t pieces[] = { 1, 4096, 100, 8192, 5000, 4095, 7 };
#define NR_PIECES (sizeof(pieces) / sizeof(pieces[0]))

static unsigned char buf[BUF_SIZE];		/* written before fork */
static unsigned char untouched[BUF_SIZE];	/* never written before fork */
static unsigned char data[DATA_LEN];

/* Reads exactly n bytes unless the pipe ends first; returns the count. */
static size_t read_full(int fd, void *p, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = read(fd, (char *)p + done, n - done);

		if (r <= 0)
			break;
		done += r;
	}
	return done;
}

static size_t write_full(int fd, const void *p, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(fd, (const char *)p + done, n - done);

		if (r <= 0)
			break;
		done += r;
	}
	return done;
}

enum { UNTOUCHED, TOUCHED };	/* was a buffer written before fork? */

/* Byte i of a buffer as it was at fork. */
static unsigned char at_fork(int touched, size_t i)
{
	return touched ? pattern_byte(i, SEED_BUF) : 0;
}

static int unchanged(const unsigned char *b, int touched, size_t from,
		     size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		if (b[i] != at_fork(touched, i))
			return 0;
	return 1;
}

/* Did a read land where it should, and only there? */
static void check_read_landed(const unsigned char *b, int touched)
{
	CHECK(unchanged(b, touched, 0, DATA_OFFSET));
	CHECK(memcmp(b + DATA_OFFSET, data, DATA_LEN) == 0);
	CHECK(unchanged(b, touched, DATA_OFFSET + DATA_LEN, BUF_SIZE));
}

static void test_child_reads(void)
{
	int fds[2], status;
	pid_t pid;

	fill_pattern(buf, BUF_SIZE, SEED_BUF);
	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[1]);
		CHECK_EQ(read_full(fds[0], buf + DATA_OFFSET, DATA_LEN),
			 DATA_LEN);
		CHECK_EQ(read_full(fds[0], untouched + DATA_OFFSET, DATA_LEN),
			 DATA_LEN);
		check_read_landed(buf, TOUCHED);
		check_read_landed(untouched, UNTOUCHED);
		_exit(test_result());
	}
	CHECK(pid > 0);
	close(fds[0]);
	CHECK_EQ(write_full(fds[1], data, DATA_LEN), DATA_LEN);
	CHECK_EQ(write_full(fds[1], data, DATA_LEN), DATA_LEN);
	close(fds[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	CHECK(unchanged(buf, TOUCHED, 0, BUF_SIZE));
	CHECK(unchanged(untouched, UNTOUCHED, 0, BUF_SIZE));
}

static void test_parent_reads(void)
{
	int data_fds[2], turn_fds[2], status;
	pid_t pid;

	fill_pattern(buf, BUF_SIZE, SEED_BUF);
	CHECK_EQ(pipe(data_fds), 0);
	CHECK_EQ(pipe(turn_fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(data_fds[0]);
		close(turn_fds[1]);
		CHECK_EQ(write_full(data_fds[1], data, DATA_LEN), DATA_LEN);
		CHECK_EQ(write_full(data_fds[1], data, DATA_LEN), DATA_LEN);
		turn_take(turn_fds[0]);
		CHECK(unchanged(buf, TOUCHED, 0, BUF_SIZE));
		CHECK(unchanged(untouched, UNTOUCHED, 0, BUF_SIZE));
		_exit(test_result());
	}
	CHECK(pid > 0);
	close(data_fds[1]);
	close(turn_fds[0]);
	CHECK_EQ(read_full(data_fds[0], buf + DATA_OFFSET, DATA_LEN), DATA_LEN);
	CHECK_EQ(read_full(data_fds[0], untouched + DATA_OFFSET, DATA_LEN),
		 DATA_LEN);
	check_read_landed(buf, TOUCHED);
	check_read_landed(untouched, UNTOUCHED);
	turn_give(turn_fds[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	close(data_fds[0]);
	close(turn_fds[1]);
}

/* The writer of the 1 MiB stream: byte k is pattern_byte(k, SEED_DATA). */
static int write_stream(void *arg)
{
	static unsigned char piece[MAX_PIECE];
	int fd = *(int *)arg;
	size_t off = 0, i, n;
	int k = 0;

	while (off < STREAM_LEN) {
		n = pieces[k++ % NR_PIECES];
		if (n > STREAM_LEN - off)
			n = STREAM_LEN - off;
		for (i = 0; i < n; i++)
			piece[i] = pattern_byte(off + i, SEED_DATA);
		if (write_full(fd, piece, n) != n)
			return TEST_FAIL;
		off += n;
	}
	return TEST_PASS;
}

static void test_stream(void)
{
	static unsigned char piece[READ_PIECE];
	size_t off = 0, bad = STREAM_LEN, i;
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(write_stream(&fds[1]));
	}
	CHECK(pid > 0);
	close(fds[1]);
	while ((n = read(fds[0], piece, READ_PIECE)) > 0) {
		for (i = 0; i < (size_t)n && bad == STREAM_LEN; i++)
			if (piece[i] != pattern_byte(off + i, SEED_DATA))
				bad = off + i;
		off += n;
	}
	CHECK_EQ(n, 0);
	CHECK_EQ(off, STREAM_LEN);
	if (bad != STREAM_LEN)
		fprintf(stderr, "pipe_cow: stream byte %zu is wrong\n", bad);
	CHECK(bad == STREAM_LEN);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	close(fds[0]);
}

/*
 * Two processes hold the write end.  Once ours is closed, a read must
 * still wait for the child's byte; only after the child exits does it
 * return end-of-file, and then every time.
 */
static void test_eof(void)
{
	int fds[2], turn[2], status;
	char c = 0;
	pid_t pid;

	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(pipe(turn), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		close(turn[1]);
		c = EOF_BYTE;
		turn_take(turn[0]);
		_exit(write(fds[1], &c, 1) == 1 ? TEST_PASS : TEST_FAIL);
	}
	CHECK(pid > 0);
	close(fds[1]);
	close(turn[0]);
	turn_give(turn[1]);
	CHECK_EQ(read(fds[0], &c, 1), 1);
	CHECK_EQ(c, EOF_BYTE);
	CHECK_EQ(read(fds[0], &c, 1), 0);
	CHECK_EQ(read(fds[0], &c, 1), 0);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	close(fds[0]);
	close(turn[1]);
}

/*
 * Run in a child, as SIGPIPE would end the test if ignoring it did not
 * work.  signal() is not checked: a kernel without signals passes if the
 * write fails with EPIPE all the same.  The last reader goes away by
 * exiting, which must count as much as closing.
 */
static int write_without_reader(void *unused)
{
	int fds[2], status;
	char c = 0;
	pid_t pid;

	(void)unused;
	signal(SIGPIPE, SIG_IGN);
	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(write(fds[1], &c, 1), 1);
	pid = test_fork();
	if (pid == 0)
		_exit(TEST_PASS);
	close(fds[0]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_ERR(write(fds[1], &c, 1), EPIPE);
	close(fds[1]);
	return test_result();
}

int main(void)
{
	fill_pattern(data, DATA_LEN, SEED_DATA);
	test_child_reads();
	test_parent_reads();
	test_stream();
	test_eof();
	CHECK_EXITED(run_in_child(write_without_reader, NULL), TEST_PASS);
	return test_result();
}
