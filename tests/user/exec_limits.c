/*
 * execve's limits on arguments and environment strings, as
 * docs/syscalls.md gives them: forklab takes any number of strings, each
 * of any length, up to 64 KiB in all with their pointers; Linux takes up
 * to 128 KiB a string and a quarter of the stack limit (at most 6 MiB) in
 * all.  What both take must reach the new image intact:
 *
 *   - MANY_ARGS arguments and MANY_ENVS environment strings, short and
 *     each its own (a kernel that counted pointers in a small table
 *     refused them);
 *   - one argument of LONG_LEN bytes;
 *
 * and what both refuse must give E2BIG, the caller running on:
 *
 *   - one argument of 128 KiB without its NUL (Linux's MAX_ARG_STRLEN is
 *     128 KiB with it);
 *   - HUGE_COUNT arguments of 128 KiB less one, 8 MiB in all.
 *
 * On forklab, strings and pointers that make exactly 64 KiB must pass,
 * and one byte more must not.
 *
 * The test runs itself again (argv[0]) with a mode in argv[1] that says
 * what to expect.
 */
#include <stdlib.h>
#include <sys/utsname.h>
#include "check.h"

#define MANY_ARGS	1000
#define MANY_ENVS	300
#define LONG_LEN	(32 * 1024)
#define MAX_ARG_STRLEN	(128 * 1024)	/* Linux's, NUL included */
#define HUGE_COUNT	64
#define NUM_LEN		16		/* a number in decimal, and a name */
#define FIXED_ARGS	2		/* argv[0], the mode */
#define EXEC_FAILED	127		/* the child's status when execve fails */
#define REFUSED		0		/* ... when it fails as expected */
#define MODE_MANY	"--many"
#define MODE_LONG	"--long"
#define MODE_NEVER	"--never"	/* an execve that should have failed */
#define MODE_FITS	"--fits"
#define FORKLAB		"forklab"
#define FORKLAB_ARG_MAX	(64 * 1024)	/* strings with NULs, and pointers */
#define PTR_SIZE	sizeof(char *)

extern char **environ;

static char nums[MANY_ARGS][NUM_LEN];
static char envs[MANY_ENVS][NUM_LEN];
static char huge[MAX_ARG_STRLEN + 1];
static char *vec[MANY_ARGS + FIXED_ARGS + 1];
static char *envv[MANY_ENVS + 1];

static void make_many(void)
{
	int i;

	for (i = 0; i < MANY_ARGS; i++)
		snprintf(nums[i], NUM_LEN, "%d", i);
	for (i = 0; i < MANY_ENVS; i++)
		snprintf(envs[i], NUM_LEN, "E%d=%d", i, i);
}

static char long_byte(size_t i)
{
	return 'a' + i % 26;
}

static int check_many(int argc, char **argv)
{
	int i;

	make_many();
	CHECK_EQ(argc, MANY_ARGS + FIXED_ARGS);
	for (i = 0; i < MANY_ARGS && i + FIXED_ARGS < argc; i++)
		CHECK(strcmp(argv[i + FIXED_ARGS], nums[i]) == 0);
	for (i = 0; i < MANY_ENVS && environ[i]; i++)
		CHECK(strcmp(environ[i], envs[i]) == 0);
	CHECK_EQ(i, MANY_ENVS);
	CHECK(environ[i] == NULL);
	return test_result();
}

static int check_long(int argc, char **argv)
{
	size_t i, bad = 0;

	CHECK_EQ(argc, FIXED_ARGS + 1);
	if (argc != FIXED_ARGS + 1)
		return test_result();
	CHECK_EQ(strlen(argv[FIXED_ARGS]), LONG_LEN);
	for (i = 0; i < LONG_LEN && argv[FIXED_ARGS][i]; i++)
		bad += argv[FIXED_ARGS][i] != long_byte(i);
	CHECK_EQ(bad, 0);
	return test_result();
}

/* Runs the program with args (after argv[0] and the mode) and env in a
 * child; the child's wait status. */
static int run(char *self, char *mode, char **args, int n, char **env,
	       int refused)
{
	int status = NO_STATUS, i;
	pid_t pid = test_fork();

	if (pid == 0) {
		vec[0] = self;
		vec[1] = mode;
		for (i = 0; i < n; i++)
			vec[FIXED_ARGS + i] = args[i];
		vec[FIXED_ARGS + n] = NULL;
		execve(self, vec, env);
		if (refused && errno == E2BIG)
			_exit(REFUSED);
		fprintf(stderr, "exec_limits: execve: %s\n", strerror(errno));
		_exit(EXEC_FAILED);
	}
	CHECK(pid > 0);
	if (pid > 0)
		CHECK_EQ(waitpid(pid, &status, 0), pid);
	return status;
}

static void test_accepted(char *self)
{
	static char *many[MANY_ARGS], *one[1];
	static char *none[] = { NULL };
	int i;

	make_many();
	for (i = 0; i < MANY_ARGS; i++)
		many[i] = nums[i];
	for (i = 0; i < MANY_ENVS; i++)
		envv[i] = envs[i];
	CHECK_EXITED(run(self, MODE_MANY, many, MANY_ARGS, envv, 0), TEST_PASS);

	for (i = 0; i < LONG_LEN; i++)
		huge[i] = long_byte(i);
	huge[LONG_LEN] = '\0';
	one[0] = huge;
	CHECK_EXITED(run(self, MODE_LONG, one, 1, none, 0), TEST_PASS);
}

static void test_refused(char *self)
{
	static char *args[HUGE_COUNT];
	static char *none[] = { NULL };
	int i;

	memset(huge, 'x', MAX_ARG_STRLEN);
	huge[MAX_ARG_STRLEN] = '\0';
	args[0] = huge;
	CHECK_EXITED(run(self, MODE_NEVER, args, 1, none, 1), REFUSED);

	huge[MAX_ARG_STRLEN - 1] = '\0';
	for (i = 0; i < HUGE_COUNT; i++)
		args[i] = huge;
	CHECK_EXITED(run(self, MODE_NEVER, args, HUGE_COUNT, none, 1), REFUSED);
}

/* Strings and pointers of argv[0], a mode and one argument of len bytes. */
static size_t arg_bytes(const char *self, const char *mode, size_t len)
{
	return strlen(self) + 1 + strlen(mode) + 1 + len + 1 + 3 * PTR_SIZE;
}

static void test_forklab_limit(char *self)
{
	static char *none[] = { NULL }, *one[1];
	size_t len = FORKLAB_ARG_MAX - arg_bytes(self, MODE_FITS, 0);

	memset(huge, 'y', len);
	huge[len] = '\0';
	one[0] = huge;
	CHECK_EXITED(run(self, MODE_FITS, one, 1, none, 0), TEST_PASS);
	huge[len] = 'y';
	huge[len + 1] = '\0';
	CHECK_EXITED(run(self, MODE_NEVER, one, 1, none, 1), REFUSED);
}

int main(int argc, char **argv)
{
	struct utsname u;

	if (argc > 1 && strcmp(argv[1], MODE_MANY) == 0)
		return check_many(argc, argv);
	if (argc > 1 && strcmp(argv[1], MODE_LONG) == 0)
		return check_long(argc, argv);
	if (argc > 1 && strcmp(argv[1], MODE_FITS) == 0)
		return TEST_PASS;
	if (argc > 1)
		return TEST_FAIL;		/* MODE_NEVER, or a stray run */
	test_accepted(argv[0]);
	test_refused(argv[0]);
	CHECK_EQ(uname(&u), 0);
	if (strcmp(u.sysname, FORKLAB) == 0)
		test_forklab_limit(argv[0]);
	return test_result();
}
