/*
 * The builtins: the commands that change the shell itself, so cannot be
 * programs of their own.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

#define EXIT_MASK	0xff	/* an exit status is one byte */

static int too_many(const char *name)
{
	fprintf(stderr, "sh: %s: too many arguments\n", name);
	return EXIT_FAILURE;
}

static int cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	char cwd[PATH_MAX];

	if (argc > 2)
		return too_many(argv[0]);
	if (!dir || !*dir)
		dir = "/";
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return EXIT_FAILURE;
	}
	if (getcwd(cwd, sizeof(cwd)))
		var_set("PWD", cwd, 0);
	return EXIT_SUCCESS;
}

static int pwd(int argc, char **argv)
{
	char cwd[PATH_MAX];

	if (argc > 1)
		return too_many(argv[0]);
	if (!getcwd(cwd, sizeof(cwd))) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return EXIT_FAILURE;
	}
	puts(cwd);
	return EXIT_SUCCESS;
}

/* "exit N" with N not a number ends the shell too, with status 2. */
static int exit_(int argc, char **argv)
{
	char *end;
	long n = argc > 1 ? strtol(argv[1], &end, 10) : last_status;

	if (argc > 2)
		return too_many(argv[0]);
	if (argc > 1 && (end == argv[1] || *end)) {
		fprintf(stderr, "sh: exit: %s: not a number\n", argv[1]);
		n = STATUS_SYNTAX;
	}
	fflush(stdout);
	exit(n & EXIT_MASK);
}

/* "export NAME=value..." or "export NAME..."; alone, lists the
 * environment the shell gives. */
static int export(int argc, char **argv)
{
	int status = EXIT_SUCCESS;
	char **env;

	if (argc == 1 && (env = vars_environ()))
		for (char **e = env; *e; e++)
			printf("export %s\n", *e);
	for (int i = 1; i < argc; i++) {
		if (var_assign(argv[i], 1) == 0)
			continue;
		fprintf(stderr, "sh: export: '%s': not a name\n", argv[i]);
		status = EXIT_FAILURE;
	}
	return status;
}

/* "wait [%N|PID]...": with no argument, every job. */
static int wait_(int argc, char **argv)
{
	int status = EXIT_SUCCESS;

	if (argc == 1)
		return jobs_wait(NULL);
	for (int i = 1; i < argc; i++)
		status = jobs_wait(argv[i]);
	return status;
}

static int jobs(int argc, char **argv)
{
	if (argc > 1)
		return too_many(argv[0]);
	jobs_list();
	return EXIT_SUCCESS;
}

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} builtins[] = {
	{ "cd", cd }, { "pwd", pwd }, { "exit", exit_ }, { "export", export },
	{ "wait", wait_ }, { "jobs", jobs },
};

#define NBUILTINS	(sizeof(builtins) / sizeof(*builtins))

int is_builtin(const char *name)
{
	for (size_t i = 0; i < NBUILTINS; i++)
		if (!strcmp(name, builtins[i].name))
			return 1;
	return 0;
}

/* Runs builtin argv[0]; returns its status.  The output is flushed, as a
 * program's would be when it ends. */
int builtin(int argc, char **argv)
{
	int status = STATUS_NOTFOUND;

	for (size_t i = 0; i < NBUILTINS; i++)
		if (!strcmp(argv[0], builtins[i].name))
			status = builtins[i].fn(argc, argv);
	fflush(stdout);
	return status;
}
