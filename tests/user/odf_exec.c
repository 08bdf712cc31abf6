/*
 * A child that never writes gives its share of the PTE tables back.
 *
 * After an odf fork the parent's table is counted twice.  A child that
 * calls execve at once drops its reference when its old address space
 * goes, before the new program even runs; a child that just exits drops
 * it at exit.  Either way the parent's table is then counted once again,
 * nothing was copied, and the parent's next write reuses the table and
 * the page in place: the same frames, made writable.
 *
 * The exec'd program is this test itself, started with EXEC_ROLE and two
 * pipe descriptors: it says it is running, and waits to be let go, so
 * that the parent looks while the new program is alive.
 */
#include "odf.h"

#define EXEC_ROLE	"exec-child"
#define EXEC_FAILED	127
#define FD_ARG_LEN	16
#define TOUCHED_LEN	(4 * PAGE_SIZE)
#define SEED_FORK	0x61
#define SEED_AFTER	0x72

extern char **environ;

static unsigned char *region;
static struct forklab_inspect at_fork;

/* The program exec'd by the child: argv is EXEC_ROLE, ready fd, hold fd. */
static int exec_role(char **argv)
{
	int ready = atoi(argv[2]), hold = atoi(argv[3]);

	turn_give(ready);
	turn_take(hold);
	return test_result();
}

static void fill_region(void)
{
	fill_pattern(region, TOUCHED_LEN, SEED_FORK);
	at_fork = inspect(region);
	CHECK_EQ(at_fork.table_ref, 1);
}

/* The child is gone, or is another program: nobody else maps the table. */
static void check_given_back(void)
{
	struct forklab_inspect in = inspect(region);

	CHECK_EQ(in.table, at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	CHECK_EQ(in.pmd_writable, 0);	/* the next change fixes it */
	CHECK_EQ(in.page, at_fork.page);
	CHECK_EQ(in.page_ref, 1);
	CHECK(holds_pattern(region, TOUCHED_LEN, SEED_FORK));

	fill_pattern(region, TOUCHED_LEN, SEED_AFTER);
	in = inspect(region);
	CHECK_EQ(in.table, at_fork.table);
	CHECK_EQ(in.pmd_writable, 1);
	CHECK_EQ(in.page, at_fork.page);
	CHECK_EQ(in.pte_writable, 1);
	CHECK(holds_pattern(region, TOUCHED_LEN, SEED_AFTER));
}

static void test_exec(const char *self)
{
	int ready[2], hold[2], status;
	char ready_arg[FD_ARG_LEN], hold_arg[FD_ARG_LEN];
	char *argv[] = { (char *)self, EXEC_ROLE, ready_arg, hold_arg, NULL };
	pid_t pid;

	fill_region();
	CHECK_EQ(pipe(ready), 0);
	CHECK_EQ(pipe(hold), 0);
	snprintf(ready_arg, sizeof(ready_arg), "%d", ready[1]);
	snprintf(hold_arg, sizeof(hold_arg), "%d", hold[0]);
	pid = test_fork();
	if (pid == 0) {
		execve(self, argv, environ);
		_exit(EXEC_FAILED);
	}
	CHECK(pid > 0);
	close(ready[1]);
	close(hold[0]);
	CHECK(turn_take(ready[0]));	/* the new program runs */
	check_given_back();
	turn_give(hold[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	close(ready[0]);
	close(hold[1]);
}

static int exit_at_once(void *unused)
{
	(void)unused;
	return TEST_PASS;
}

static void test_exit(void)
{
	fill_region();
	CHECK_EXITED(run_in_child(exit_at_once, NULL), TEST_PASS);
	check_given_back();
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], EXEC_ROLE) == 0)
		return exec_role(argv);
	odf_start();
	region = odf_region();
	test_exec(argv[0]);
	test_exit();
	return test_result();
}
