/*
 * The runner of the user-level tests.  It runs the programs in a directory
 * one at a time, in name order, each with fork, execve and waitpid, and
 * reports in lines a harness can read:
 *
 *	UTEST start NAME
 *	UTEST pass NAME
 *	UTEST fail NAME: exited N		or: killed by signal N
 *	UTEST done PASSED FAILED
 *
 * It exits 0 only if every test passed (and there was one).  A test's own
 * diagnostics go to stderr, which it shares with the runner.  Names with a
 * '.' are data, not tests (exec_args.noelf), and the runner skips itself.
 * There is no timeout: forklab may have no alarm(), and the harness that
 * starts the runner has its own.
 *
 * usage: runtests DIR [NAME...]	(default: every test in DIR)
 */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include "check.h"

#define MAX_TESTS	256
#define EXEC_FAILED	127	/* a test's status when it could not start */

extern char **environ;

static char names[MAX_TESTS][NAME_MAX + 1];

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int is_test(const struct dirent *d, const char *self)
{
	return d->d_type != DT_DIR && strchr(d->d_name, '.') == NULL &&
	       strcmp(d->d_name, self) != 0;
}

/* Fills names[] with the tests in dir, sorted; returns how many, or -1. */
static int list_tests(const char *dir, const char *self)
{
	struct dirent *d;
	DIR *dp = opendir(dir);
	int n = 0;

	if (dp == NULL)
		return -1;
	while ((d = readdir(dp)) != NULL) {
		if (!is_test(d, self))
			continue;
		if (n == MAX_TESTS) {
			fprintf(stderr, "runtests: more than %d tests in %s; "
				"running the first %d found\n", MAX_TESTS, dir,
				MAX_TESTS);
			break;
		}
		snprintf(names[n++], sizeof(names[0]), "%s", d->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof(names[0]), by_name);
	return n;
}

/* Runs one test; returns 1 if it passed. */
static int run_test(const char *dir, const char *name)
{
	char path[PATH_MAX];
	char *argv[] = { path, NULL };
	int status;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	printf("UTEST start %s\n", name);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execve(path, argv, environ);
		fprintf(stderr, "runtests: cannot run %s: %s\n", path,
			strerror(errno));
		_exit(EXEC_FAILED);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		printf("UTEST fail %s: %s: %s\n", name,
		       pid < 0 ? "fork" : "waitpid", strerror(errno));
		return 0;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == TEST_PASS) {
		printf("UTEST pass %s\n", name);
		return 1;
	}
	printf("UTEST fail %s: ", name);
	describe_status(stdout, status);
	printf("\n");
	return 0;
}

int main(int argc, char **argv)
{
	const char *self = strrchr(argv[0], '/');
	char **chosen = argv + 2;
	int i, n = argc - 2, passed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: runtests DIR [NAME...]\n");
		return EXIT_FAILURE;
	}
	self = self ? self + 1 : argv[0];
	if (n == 0) {
		n = list_tests(argv[1], self);
		if (n < 0) {
			fprintf(stderr, "runtests: cannot read %s: %s\n",
				argv[1], strerror(errno));
			return EXIT_FAILURE;
		}
		chosen = NULL;
	}
	for (i = 0; i < n; i++)
		passed += run_test(argv[1], chosen ? chosen[i] : names[i]);
	printf("UTEST done %d %d\n", passed, n - passed);
	return passed == n && n > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
