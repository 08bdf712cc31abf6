/*
 * execve of crafted executables, which tests/user/exec_elf.py writes next
 * to this program as exec_elf.NAME (see there for what each holds).  Each
 * is run in a child, and the outcome must be Linux's: it ran (and found
 * its memory as the ELF specification says), or execve refused it with
 * an errno, or the child was killed by a signal.  A program that runs
 * forks first, so that its address space is walked by a fork too.
 *
 * Linux checks a segment's place in user space only after its point of
 * no return, once the old image is gone, and then kills the process with
 * SIGSEGV.  forklab checks everything before it touches the old image and
 * refuses with ENOEXEC instead, leaving the caller running: there the two
 * verdicts differ, and both are written down.
 *
 * usage: exec_elf
 */
#include <signal.h>
#include <sys/utsname.h>
#include "check.h"

#define RAN_STATUS	42	/* tests/user/exec_elf.py */
#define FORKLAB		"forklab"
#define PATH_LEN	512
#define MARK		0x4d415243	/* the caller's data, kept by a refused exec */

enum outcome { RAN, REFUSED, KILLED };

static const char *const outcome_name[] = { "ran, exit", "refused, errno", "killed, signal" };

struct verdict {
	enum outcome outcome;
	int value;		/* exit status, errno or signal */
};

struct elf_case {
	const char *name;
	struct verdict on_linux, on_forklab;
};

static const struct elf_case cases[] = {
	{ "top", { KILLED, SIGSEGV }, { REFUSED, ENOEXEC } },
	{ "overlap", { RAN, RAN_STATUS }, { RAN, RAN_STATUS } },
	{ "empty", { RAN, RAN_STATUS }, { RAN, RAN_STATUS } },
};
#define NR_CASES (sizeof(cases) / sizeof(cases[0]))

static volatile int mark = MARK;

/* In the child: execs path; if that fails, reports errno on fd, and
 * whether our memory is still ours in the exit status. */
static void exec_or_report(const char *path, int fd)
{
	char *argv[] = { (char *)path, NULL };
	int err;

	execve(path, argv, argv + 1);
	err = errno;
	_exit(write(fd, &err, sizeof(err)) == sizeof(err) && mark == MARK ? TEST_PASS
									 : TEST_FAIL);
}

/* Runs path in a child and says what became of it. */
static struct verdict run(const char *path)
{
	struct verdict v = { KILLED, 0 };
	int fds[2], status = NO_STATUS, err;
	pid_t pid;

	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		exec_or_report(path, fds[1]);
	}
	close(fds[1]);
	CHECK(pid > 0);
	if (pid > 0)
		CHECK_EQ(waitpid(pid, &status, 0), pid);
	if (read(fds[0], &err, sizeof(err)) == sizeof(err)) {
		CHECK_EXITED(status, TEST_PASS);
		v = (struct verdict){ REFUSED, err };
	} else if (status != NO_STATUS && WIFEXITED(status)) {
		v = (struct verdict){ RAN, WEXITSTATUS(status) };
	} else if (status != NO_STATUS && WIFSIGNALED(status)) {
		v.value = WTERMSIG(status);
	}
	close(fds[0]);
	return v;
}

static void check_case(const struct elf_case *c, const char *self, int forklab)
{
	const struct verdict *want = forklab ? &c->on_forklab : &c->on_linux;
	char path[PATH_LEN];
	struct verdict got;

	snprintf(path, sizeof(path), "%s.%s", self, c->name);
	got = run(path);
	if (got.outcome == want->outcome && got.value == want->value)
		return;
	fprintf(stderr, "exec_elf: %s: %s %d, expected %s %d\n", path,
		outcome_name[got.outcome], got.value, outcome_name[want->outcome], want->value);
	check_fail(__FILE__, __LINE__, c->name);
}

int main(int argc, char **argv)
{
	struct utsname u;
	size_t i;

	(void)argc;
	CHECK_EQ(uname(&u), 0);
	for (i = 0; i < NR_CASES; i++)
		check_case(&cases[i], argv[0], strcmp(u.sysname, FORKLAB) == 0);
	return test_result();
}
