/*
 * init [COMMAND [ARG...]]: the first process.  Runs the command (default
 * /bin/sh), reaps every child, orphans included, until none is left, and
 * exits with the command's status: the kernel powers off when init exits
 * and hands that status to the host.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#define EXEC_FAILED	127	/* the shell's status for "could not run it" */
#define SIGNAL_BASE	128	/* killed by signal N: a shell says 128 + N */

static pid_t start(char **cmd)
{
	pid_t pid = fork();

	if (pid == 0) {
		execve(cmd[0], cmd, environ);
		fprintf(stderr, "init: %s: %s\n", cmd[0], strerror(errno));
		_exit(EXEC_FAILED);
	}
	if (pid < 0)
		perror("init: fork");
	return pid;
}

/* Waits until we have no child left; returns the wait status of cmd. */
static int reap_all(pid_t cmd)
{
	int status = 0, s;
	pid_t pid;

	while ((pid = wait(&s)) > 0 || errno == EINTR)
		if (pid == cmd)
			status = s;
	return status;
}

int main(int argc, char **argv)
{
	char *shell[] = { "/bin/sh", NULL };
	char **cmd = argc > 1 ? argv + 1 : shell;
	pid_t pid;
	int status;

	/* Orphans go to pid 1; where we are not pid 1 (testing on a host),
	 * this makes them ours all the same. */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	pid = start(cmd);
	if (pid < 0)
		return EXIT_FAILURE;
	status = reap_all(pid);
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);

		fprintf(stderr, "init: %s killed by signal %d\n", cmd[0], sig);
		return SIGNAL_BASE + sig;
	}
	return WEXITSTATUS(status);
}
