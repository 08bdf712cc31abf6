/*
 * A chain of odf forks, and the chain ending in every order.
 *
 * The test forks process 1, which forks process 2, which forks process 3.
 * None of them writes to the test's region, so all four share its PTE
 * table, and each new process sees it counted once more than its parent
 * did: 2, 3, 4.  Then the chain's processes exit in some order (the
 * youngest first, the oldest first, the middle one first), and after each
 * exit every survivor sees the same table counted once less.  When all
 * are gone, the test's table is counted once, its data is intact, and
 * MemFree is back to what it was before the first fork: every table, page
 * and kernel stack the chain took is free again.
 *
 * The test directs the chain.  Each process obeys commands on a pipe of
 * its own (LOOK: report how the region is mapped; EXIT) and reports on a
 * pipe all of them share.  The test learns that a process has exited from
 * its lifeline, a pipe whose write end only that process holds: exit
 * closes a process's files and frees its memory in one step, so by the
 * time the test reads end-of-file there, the process's tables are gone.
 *
 * A process whose parent exits first is reaped by init, which also frees
 * its kernel stack; MemFree is compared once kill(pid, 0) says that every
 * process of the chain is gone (no sleeping: the test keeps asking until
 * the scheduler has let init run).
 */
#include <signal.h>
#include "odf.h"

#define DEPTH		3	/* processes in the chain */
#define TOUCHED		4	/* pages written before fork */
#define SEED		0x5a
#define LOOK		'l'
#define EXIT		'x'
#define MAX_SPINS	10000000L	/* kill(pid, 0) calls at most */

struct order {
	const char *name;
	int exits[DEPTH];	/* levels, in the order they exit */
};

static const struct order orders[] = {
	{ "the youngest first",	{ 3, 2, 1 } },
	{ "the oldest first",	{ 1, 2, 3 } },
	{ "the middle first, then the youngest",	{ 2, 3, 1 } },
	{ "the middle first, then the oldest",	{ 2, 1, 3 } },
};
#define NR_ORDERS (sizeof(orders) / sizeof(orders[0]))

/* What a process of the chain reports. */
struct report {
	int level;
	pid_t pid;
	struct forklab_inspect view;
	int data_ok;
};

/* The pipes of one chain; index level - 1 for those of one process. */
struct chain {
	int cmd[DEPTH][2], life[DEPTH][2], report[2];
};

static unsigned char *region;

static void send_report(int fd, int level)
{
	struct report r;

	memset(&r, 0, sizeof(r));
	r.level = level;
	r.pid = getpid();
	r.view = inspect(region);
	r.data_ok = holds_pattern(region, TOUCHED * PAGE_SIZE, SEED);
	if (write(fd, &r, sizeof(r)) != sizeof(r))
		_exit(TEST_FAIL);
}

/* Keeps, of the chain's pipe ends, only those process `level` uses. */
static void keep_own_ends(struct chain *c, int level)
{
	int i;

	for (i = 0; i < DEPTH; i++) {
		close(c->cmd[i][1]);
		close(c->life[i][0]);
		if (i != level - 1) {
			close(c->cmd[i][0]);
			close(c->life[i][1]);
		}
	}
	close(c->report[0]);
}

/*
 * Process 1 of the chain, and through fork all the others: each reports,
 * forks the next, whose child goes on as the level below, and then obeys.
 */
static _Noreturn void chain_process(struct chain *c)
{
	int level = 1;
	char cmd;

	for (;;) {
		send_report(c->report[1], level);
		if (level == DEPTH || test_fork() != 0)
			break;
		level++;
	}
	keep_own_ends(c, level);
	while (read(c->cmd[level - 1][0], &cmd, 1) == 1 && cmd == LOOK)
		send_report(c->report[1], level);
	_exit(TEST_PASS);
}

/* Reads a report and checks it against what the test expects. */
static void check_report(int fd, int level, uint64_t table, uint64_t ref,
			 pid_t *pid)
{
	struct report r;

	memset(&r, 0, sizeof(r));
	CHECK_EQ(read(fd, &r, sizeof(r)), sizeof(r));
	CHECK_EQ(r.level, level);
	CHECK_EQ(r.view.table, table);
	CHECK_EQ(r.view.table_ref, ref);
	CHECK_EQ(r.view.pmd_writable, 0);
	CHECK(r.data_ok);
	if (pid)
		*pid = r.pid;
}

static void check_own_view(uint64_t table, uint64_t ref)
{
	struct forklab_inspect in = inspect(region);

	CHECK_EQ(in.table, table);
	CHECK_EQ(in.table_ref, ref);
	CHECK_EQ(in.pmd_writable, 0);	/* nobody wrote: left read-only */
	CHECK_EQ(in.page_ref, 1);
	CHECK(holds_pattern(region, TOUCHED * PAGE_SIZE, SEED));
}

/* Waits until init has reaped pid, if it has not been already. */
static void wait_reaped(pid_t pid)
{
	long spins;

	for (spins = 0; spins < MAX_SPINS && kill(pid, 0) == 0; spins++)
		;
	CHECK_ERR(kill(pid, 0), ESRCH);
}

static void open_pipes(struct chain *c)
{
	int i;

	for (i = 0; i < DEPTH; i++) {
		CHECK_EQ(pipe(c->cmd[i]), 0);
		CHECK_EQ(pipe(c->life[i]), 0);
	}
	CHECK_EQ(pipe(c->report), 0);
}

/* Process `level` exits; then the test and the survivors look. */
static void exit_one(struct chain *c, int level, int *alive, uint64_t table)
{
	char cmd = EXIT;
	int i, survivors = 0;

	CHECK_EQ(write(c->cmd[level - 1][1], &cmd, 1), 1);
	CHECK_EQ(read(c->life[level - 1][0], &cmd, 1), 0);
	close(c->life[level - 1][0]);
	alive[level - 1] = 0;
	for (i = 0; i < DEPTH; i++)
		survivors += alive[i];
	check_own_view(table, 1 + survivors);
	for (i = 0; i < DEPTH; i++) {
		if (!alive[i])
			continue;
		cmd = LOOK;
		CHECK_EQ(write(c->cmd[i][1], &cmd, 1), 1);
		check_report(c->report[0], i + 1, table, 1 + survivors, NULL);
	}
}

static void run_chain(const struct order *o, uint64_t table)
{
	int alive[DEPTH], i, status, failures = *check_failures();
	pid_t pids[DEPTH];
	struct chain c;

	open_pipes(&c);
	pids[0] = test_fork();
	if (pids[0] == 0)
		chain_process(&c);
	CHECK(pids[0] > 0);
	for (i = 0; i < DEPTH; i++) {
		close(c.cmd[i][0]);
		close(c.life[i][1]);
	}
	close(c.report[1]);

	/* Each new process saw one more sharer than its parent. */
	for (i = 0; i < DEPTH; i++) {
		check_report(c.report[0], i + 1, table, i + 2, &pids[i]);
		alive[i] = 1;
	}
	check_own_view(table, DEPTH + 1);
	for (i = 0; i < DEPTH; i++)
		exit_one(&c, o->exits[i], alive, table);

	CHECK_EQ(waitpid(pids[0], &status, 0), pids[0]);
	CHECK_EXITED(status, TEST_PASS);
	for (i = 1; i < DEPTH; i++)
		wait_reaped(pids[i]);
	for (i = 0; i < DEPTH; i++)
		close(c.cmd[i][1]);
	close(c.report[0]);
	if (*check_failures() != failures)
		fprintf(stderr, "odf_chain: (the chain ending %s)\n", o->name);
}

int main(void)
{
	struct forklab_inspect at_start;
	long free_kb;
	size_t i;

	odf_start();
	region = odf_region();
	fill_pattern(region, TOUCHED * PAGE_SIZE, SEED);
	at_start = inspect(region);
	CHECK_EQ(at_start.table_ref, 1);
	free_kb = memfree_kb();
	CHECK(free_kb > 0);

	for (i = 0; i < NR_ORDERS; i++) {
		run_chain(&orders[i], at_start.table);
		CHECK_EQ(memfree_kb(), free_kb);
	}

	/* The last sharer is gone: writing reuses the table and the page. */
	region[0] = (unsigned char)~region[0];
	CHECK_EQ(inspect(region).table, at_start.table);
	CHECK_EQ(inspect(region).pmd_writable, 1);
	CHECK_EQ(inspect(region).page, at_start.page);
	return test_result();
}
