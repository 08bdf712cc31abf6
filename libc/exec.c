/*
 * execv() and execvp(): execve() with our own environment.  execvp() looks
 * a name without a '/' up in each directory of $PATH (default /bin; empty
 * entries are skipped).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_PATH	"/bin"

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* Fails with the error of the most telling attempt: ENOENT only if the
 * program was found nowhere. */
int execvp(const char *file, char *const argv[])
{
	const char *dir = getenv("PATH");
	char path[PATH_MAX];
	int err = ENOENT;

	if (strchr(file, '/'))
		return execv(file, argv);
	if (!dir)
		dir = DEFAULT_PATH;
	for (;;) {
		int len = strcspn(dir, ":");

		if (len && snprintf(path, PATH_MAX, "%.*s/%s", len, dir, file) < PATH_MAX) {
			execv(path, argv);
			if (errno != ENOENT && errno != ENOTDIR)
				err = errno;
		}
		if (!dir[len])
			break;
		dir += len + 1;
	}
	errno = err;
	return -1;
}
