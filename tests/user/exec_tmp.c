/*
 * A program copied to /tmp runs from there: the test copies its own file
 * (/proc/self/exe) to /tmp, where execve refuses it with EACCES until
 * chmod gives it an execute bit; then a child runs the copy, which knows
 * by its argument to exit at once with a status of its own.  The copy's
 * page-cache frames are what exec reads (mm/filemap.c).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "check.h"

#define CHILD_ARG	"exec_tmp_child"
#define CHILD_STATUS	42
#define NAME_LEN	64
#define CHUNK		4096

/* Copies /proc/self/exe to path, mode 0600; 0 or -1. */
static int copy_self(const char *path)
{
	char buf[CHUNK];
	int in = open("/proc/self/exe", O_RDONLY);
	int out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ssize_t n = 0;

	CHECK(in >= 0 && out >= 0);
	while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		CHECK_EQ(write(out, buf, n), n);
	CHECK_EQ(n, 0);
	close(in);
	close(out);
	return in >= 0 && out >= 0 && n == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	char path[NAME_LEN];
	char *args[] = { path, CHILD_ARG, NULL };
	int status = NO_STATUS;
	pid_t pid;

	if (argc > 1 && strcmp(argv[1], CHILD_ARG) == 0)
		return CHILD_STATUS;
	snprintf(path, sizeof(path), "/tmp/exec_tmp.%d", (int)getpid());
	if (copy_self(path) < 0)
		return test_result();
	CHECK_ERR(execve(path, args, NULL), EACCES);
	CHECK_EQ(chmod(path, 0755), 0);
	pid = test_fork();
	if (pid == 0) {
		execve(path, args, NULL);
		_exit(errno);
	}
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, CHILD_STATUS);
	CHECK_EQ(unlink(path), 0);
	return test_result();
}
