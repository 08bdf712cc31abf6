/*
 * execve with no arguments at all, argv NULL or argv[0] NULL: Linux
 * starts the program with argc 1 and argv[0] "", so that no program finds
 * its arguments list empty and takes the environment for them.
 *
 * usage: exec_no_args    (argv[0] must name the program, to run it)
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include "check.h"

#define EMPTY_ARGV0	0	/* the child's status: argc 1, argv[0] "" */
#define OTHER_ARGS	3	/* ... anything else */
#define EXEC_FAILED	127

/* Runs self with argv vec and no environment; the child's status. */
static int run(const char *self, char **vec)
{
	int status = NO_STATUS;
	pid_t pid = test_fork();

	if (pid == 0) {
		raw_syscall3(SYS_execve, (unsigned long)self, (unsigned long)vec, 0);
		_exit(EXEC_FAILED);
	}
	waitpid(pid, &status, 0);
	return status;
}

int main(int argc, char **argv)
{
	char *none[] = { NULL };

	if (argc == 0)
		return OTHER_ARGS;
	if (argv[0][0] == '\0')
		return argc == 1 ? EMPTY_ARGV0 : OTHER_ARGS;
	CHECK_EXITED(run(argv[0], NULL), EMPTY_ARGV0);
	CHECK_EXITED(run(argv[0], none), EMPTY_ARGV0);
	return test_result();
}
