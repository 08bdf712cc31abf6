/* Readiness as file ops report it (kernel/poll.h): a pipe's two ends and
 * a file without a poll op.  Data through a pipe is tests/user/poll_pipes. */
#include "tests/ktest.h"
#include "kernel/file.h"
#include "kernel/pipe.h"
#include "kernel/poll.h"

KTEST(poll, empty_pipe)
{
	struct file *ends[2];

	KEXPECT_EQ(pipe_create(ends), 0);
	KEXPECT_EQ(file_poll(ends[0]), 0);
	KEXPECT_EQ(file_poll(ends[1]), POLLOUT | POLLWRNORM);
	file_put(ends[0]);
	file_put(ends[1]);
}

KTEST(poll, pipe_hangup)
{
	struct file *ends[2];

	KEXPECT_EQ(pipe_create(ends), 0);
	file_put(ends[1]);
	KEXPECT_EQ(file_poll(ends[0]), POLLHUP);
	file_put(ends[0]);
	KEXPECT_EQ(pipe_create(ends), 0);
	file_put(ends[0]);
	KEXPECT_EQ(file_poll(ends[1]), POLLOUT | POLLWRNORM | POLLERR);
	file_put(ends[1]);
}

KTEST(poll, no_poll_op_always_ready)
{
	static const struct file_ops plain = { 0 };
	struct file *f = file_new(&plain, O_RDONLY, NULL);

	KEXPECT(f != NULL);
	KEXPECT_EQ(file_poll(f), POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
	file_put(f);
}
