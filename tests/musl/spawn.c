/* What programs do to run others, built with a real C library (musl-gcc
 * or gcc -static): fork with the child printing and the parent seeing its
 * status, popen, system, posix_spawn; all need /bin/sh and /bin/echo. */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_STATUS	42
#define SYSTEM_STATUS	3

extern char **environ;

static int check_fork(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		printf("spawn: child %d speaking\n", (int)getpid());
		fflush(stdout);
		_exit(CHILD_STATUS);
	}
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == CHILD_STATUS;
}

static int check_popen(void)
{
	char line[16] = { 0 };
	FILE *f = popen("echo x", "r");

	if (!f || !fgets(line, sizeof(line), f))
		return 0;
	return pclose(f) == 0 && strcmp(line, "x\n") == 0;
}

static int check_system(void)
{
	int status = system("exit 3");

	return WIFEXITED(status) && WEXITSTATUS(status) == SYSTEM_STATUS;
}

static int check_posix_spawn(void)
{
	char *argv[] = { "echo", "spawned", NULL };
	int status;
	pid_t pid;

	fflush(stdout);
	if (posix_spawn(&pid, "/bin/echo", NULL, NULL, argv, environ) != 0)
		return 0;
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(void)
{
	int fails = 0;

	fails += !check_fork();
	fails += !check_popen();
	fails += !check_system();
	fails += !check_posix_spawn();
	printf("spawn: %d checks failed\n", fails);
	return fails != 0;
}
