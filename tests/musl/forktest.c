/* musl's fork, wait and pipe on forklab: a child writes through a pipe and
 * exits with a status the parent checks. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_STATUS 42

int main(void)
{
	int fds[2], status;
	char buf[32] = { 0 };
	pid_t pid;

	if (pipe(fds) < 0)
		return 1;
	pid = fork();
	if (pid == 0) {
		write(fds[1], "ping", 4);
		_exit(CHILD_STATUS);
	}
	close(fds[1]);
	if (read(fds[0], buf, sizeof(buf) - 1) != 4 || strcmp(buf, "ping"))
		return 2;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != CHILD_STATUS)
		return 3;
	puts("musl fork ok");
	return 0;
}
