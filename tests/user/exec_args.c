/*
 * execve.  The test runs itself again, by the path it was started with
 * (argv[0]; there may be no /proc/self/exe), with arguments and an
 * environment that the new image checks: the exact strings, in order, an
 * empty one, long ones that together fill more than a page, and nothing
 * else.  The new image must
 * also keep the pid and the open files, and start with fresh data.
 *
 * A failed execve must leave the caller running with its memory intact:
 * a missing file gives ENOENT, a file that is not a program ENOEXEC.
 * Since forklab's root is read-only, the test cannot make that file; it
 * takes its path as the optional argument, or else uses exec_args.noelf
 * next to itself (the build puts one there), and skips the check if
 * neither exists.
 *
 * usage: exec_args [non-ELF file]
 */
#include <fcntl.h>
#include <stdlib.h>
#include "check.h"

extern char **environ;

/* The arguments of the new image. */
#define NR_LONG		3	/* long arguments */
enum {
	ARG_SELF, ARG_FLAG, ARG_FD, ARG_SPACES, ARG_EMPTY, ARG_LONG,
	NR_ARGS = ARG_LONG + NR_LONG
};

#define IMAGE_FLAG	"--exec-image"	/* argv[ARG_FLAG]: "you are the new image" */
#define SPACES_ARG	" two  words "	/* one argument, spaces and all */
#define LONG_ARG_LEN	1500		/* three fill more than a page */
#define ALPHABET	26
#define FD_ARG_LEN	16		/* room for a file descriptor in decimal */
#define PATH_LEN	512
#define NONELF_SUFFIX	".noelf"
#define EXEC_FAILED	127		/* the child's status when execve fails */
#define DATA_INITIAL	12345		/* `data` as the program file has it */
#define DATA_CHANGED	54321		/* `data` as the child sets it before execve */
#define MARK_SIZE	(2 * PAGE_SIZE)

static char *const image_env[] = {
	"FORKLAB_TEST=exec_args",
	"EMPTY=",
	"SPACES=" SPACES_ARG,
	NULL,
};

static char *const missing[] = {
	"/forklab-no-such-file",
	"/forklab-no-such-dir/file",
};
#define NR_MISSING (sizeof(missing) / sizeof(missing[0]))

static int data = DATA_INITIAL;
static char long_arg[NR_LONG][LONG_ARG_LEN + 1];
static unsigned char mark[MARK_SIZE];

/* Long, and different from each other, so that a mix-up shows. */
static void make_long_args(void)
{
	int i, k;

	for (k = 0; k < NR_LONG; k++)
		for (i = 0; i < LONG_ARG_LEN; i++)
			long_arg[k][i] = 'a' + (i + k) % ALPHABET;
}

/* In the new image: are the arguments and the environment what we sent? */
static void check_args_and_env(int argc, char **argv)
{
	size_t i;

	CHECK_EQ(argc, NR_ARGS);
	if (argc != NR_ARGS)
		return;
	CHECK(argv[argc] == NULL);
	CHECK(strcmp(argv[ARG_SPACES], SPACES_ARG) == 0);
	CHECK(strcmp(argv[ARG_EMPTY], "") == 0);
	make_long_args();
	for (i = 0; i < NR_LONG; i++)
		CHECK(strcmp(argv[ARG_LONG + i], long_arg[i]) == 0);

	for (i = 0; image_env[i] != NULL; i++) {
		CHECK(environ[i] != NULL);
		if (environ[i] == NULL)
			return;
		CHECK(strcmp(environ[i], image_env[i]) == 0);
	}
	CHECK(environ[i] == NULL);
	CHECK(getenv("EMPTY") != NULL && strcmp(getenv("EMPTY"), "") == 0);
}

/* The new image: check what we were given, report our ids on the fd. */
static int new_image(int argc, char **argv)
{
	pid_t ids[2] = { getpid(), getppid() };
	int fd;

	check_args_and_env(argc, argv);
	CHECK_EQ(data, DATA_INITIAL);
	if (argc > ARG_FD) {
		fd = atoi(argv[ARG_FD]);
		CHECK_EQ(write(fd, ids, sizeof(ids)), sizeof(ids));
	}
	return test_result();
}

/* In the child: become the new image, which reports on fd. */
static void exec_new_image(char *self, int fd)
{
	char fd_arg[FD_ARG_LEN];
	char *args[NR_ARGS + 1];
	int i;

	data = DATA_CHANGED;
	make_long_args();
	snprintf(fd_arg, sizeof(fd_arg), "%d", fd);
	args[ARG_SELF] = self;
	args[ARG_FLAG] = IMAGE_FLAG;
	args[ARG_FD] = fd_arg;
	args[ARG_SPACES] = SPACES_ARG;
	args[ARG_EMPTY] = "";
	for (i = 0; i < NR_LONG; i++)
		args[ARG_LONG + i] = long_arg[i];
	args[NR_ARGS] = NULL;
	execve(self, args, image_env);
	fprintf(stderr, "exec_args: execve %s: %s\n", self, strerror(errno));
	_exit(EXEC_FAILED);
}

static void test_exec_self(char *self)
{
	pid_t pid, ids[2] = { -1, -1 };
	int fds[2], status;

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		exec_new_image(self, fds[1]);
	}
	CHECK(pid > 0);
	close(fds[1]);
	CHECK_EQ(read(fds[0], ids, sizeof(ids)), sizeof(ids));
	CHECK_EQ(ids[0], pid);
	CHECK_EQ(ids[1], getpid());
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	close(fds[0]);
}

/* A failed execve returns the error and leaves our memory as it was. */
static void check_exec_fails(char *path, int err, const char *errname)
{
	char *args[] = { path, NULL };
	size_t i;
	int changed = 0;

	for (i = 0; i < MARK_SIZE; i++)
		mark[i] = i % ALPHABET;
	errno = 0;
	CHECK_EQ(execve(path, args, image_env), -1);
	if (errno != err)
		fprintf(stderr, "exec_args: execve %s: errno %d (%s), "
			"expected %s\n", path, errno, strerror(errno), errname);
	CHECK(errno == err);
	for (i = 0; i < MARK_SIZE; i++)
		changed |= mark[i] != i % ALPHABET;
	CHECK(!changed);
	CHECK_EQ(data, DATA_INITIAL);
}

/* The file given, else <self>.noelf; NULL if there is none. */
static char *find_nonelf(int argc, char **argv, char *buf, size_t size)
{
	char *path = buf;
	int fd;

	if (argc > 1)
		path = argv[1];
	else
		snprintf(buf, size, "%s%s", argv[0], NONELF_SUFFIX);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	close(fd);
	return path;
}

int main(int argc, char **argv)
{
	char buf[PATH_LEN], *nonelf;
	size_t i;

	if (argc > ARG_FLAG && strcmp(argv[ARG_FLAG], IMAGE_FLAG) == 0)
		return new_image(argc, argv);

	test_exec_self(argv[0]);
	for (i = 0; i < NR_MISSING; i++)
		check_exec_fails(missing[i], ENOENT, "ENOENT");
	nonelf = find_nonelf(argc, argv, buf, sizeof(buf));
	if (nonelf)
		check_exec_fails(nonelf, ENOEXEC, "ENOEXEC");
	else
		printf("exec_args: ENOEXEC check skipped: no non-ELF file "
		       "given and no %s%s\n", argv[0], NONELF_SUFFIX);
	return test_result();
}
