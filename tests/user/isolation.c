/*
 * After fork, each process sees only its own writes: to an 8 MiB anonymous
 * mapping and to the program's own .bss, which fork shares copy-on-write.
 *
 * First a parent and a child write in turns and check that neither sees
 * the other.  Then chains of three processes (parent, child, grandchild)
 * each write their own stamp over the same pages, after the process above
 * them wrote its stamp and forked them, and check it again at the end,
 * when the others have written, or exited, or both.  The chains end in
 * every order: each process waiting for its child, each exiting before its
 * child (which is then orphaned), the middle one first, the top one first.
 * A page whose sharers exit must stay whole for the process still using it.
 *
 * Orphans cannot be waited for, so every process of a chain reports
 * through a pipe, and the test reads reports until every writer is gone.
 */
#include <time.h>
#include <sys/mman.h>
#include "check.h"

#define BIG		(8UL << 20)
#define BIG_WORDS	(BIG / sizeof(unsigned long))
#define WORD_STRIDE	8	/* one word per 64 bytes: an emulator is slow */
#define SMALL_WORDS	(2 * PAGE_SIZE / sizeof(unsigned long))
#define TAG_SHIFT	32	/* a word holds its stamp's tag and its index */
#define DEPTH		3	/* processes in a chain */
#define POLL_NS		10000000 /* 10 ms, forklab's timer tick */
#define MAX_POLLS	6000	/* a minute of looks at getppid() */
#define REPORT_PASS	'P'
#define REPORT_FAIL	'F'
#define WHO_LEN		32	/* room for "process N" */

/* Each process writes two stamps: one before its fork, one at the end. */
enum { FIRST, SECOND, NR_PHASES };

/*
 * Whose stamp: a chain's processes go by their level, 0..DEPTH; the
 * parent and child of the two-process test by these names.
 */
enum { PARENT = DEPTH + 1, CHILD };

static unsigned long *big;
static unsigned long small[SMALL_WORDS];

static unsigned long tag(int who, int phase)
{
	return (unsigned long)who * NR_PHASES + phase + 1;
}

static void stamp(unsigned long t)
{
	size_t i;

	for (i = 0; i < BIG_WORDS; i += WORD_STRIDE)
		big[i] = t << TAG_SHIFT | i;
	for (i = 0; i < SMALL_WORDS; i++)
		small[i] = t << TAG_SHIFT | i;
}

/* Checks a stamp, naming the first word that does not hold it. */
static void check_stamp(unsigned long t, const char *who)
{
	unsigned long *where = NULL, want = 0;
	size_t i;

	for (i = 0; i < BIG_WORDS && !where; i += WORD_STRIDE)
		if (big[i] != (t << TAG_SHIFT | i)) {
			where = &big[i];
			want = t << TAG_SHIFT | i;
		}
	for (i = 0; i < SMALL_WORDS && !where; i++)
		if (small[i] != (t << TAG_SHIFT | i)) {
			where = &small[i];
			want = t << TAG_SHIFT | i;
		}
	if (!where)
		return;
	fprintf(stderr, "isolation: %s: the word at %p holds %#lx, "
		"expected %#lx\n", who, (void *)where, *where, want);
	check_fail(__FILE__, __LINE__, "a process sees only its own writes");
}

/* Parent and child write in turns; neither sees the other's writes. */
static void test_two_way(void)
{
	int to_child[2], to_parent[2], status;
	pid_t pid;

	stamp(tag(PARENT, FIRST));
	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(to_parent), 0);
	pid = test_fork();
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		check_stamp(tag(PARENT, FIRST), "child after fork");
		stamp(tag(CHILD, FIRST));
		turn_give(to_parent[1]);
		turn_take(to_child[0]);
		check_stamp(tag(CHILD, FIRST), "child after the parent wrote");
		_exit(test_result());
	}
	CHECK(pid > 0);
	close(to_child[0]);
	close(to_parent[1]);
	turn_take(to_parent[0]);
	check_stamp(tag(PARENT, FIRST), "parent after the child wrote");
	stamp(tag(PARENT, SECOND));
	turn_give(to_child[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	check_stamp(tag(PARENT, SECOND), "parent after the child's exit");
	close(to_child[1]);
	close(to_parent[0]);
}

/*
 * How a chain ends: waits[n] says whether process n waits for its child.
 * Process 0 is the test itself, which always does.
 */
struct order {
	const char *name;
	int waits[DEPTH];
};

static const struct order orders[] = {
	{ "each waits for its child",		{ 1, 1, 1 } },
	{ "each exits before its child",	{ 1, 0, 0 } },
	{ "the middle exits first",		{ 1, 1, 0 } },
	{ "the top exits first",		{ 1, 0, 1 } },
};
#define NR_ORDERS (sizeof(orders) / sizeof(orders[0]))

/* Waits until the process that was our parent has exited. */
static void wait_orphaned(pid_t parent)
{
	struct timespec pause = { 0, POLL_NS };
	int i;

	for (i = 0; i < MAX_POLLS && getppid() == parent; i++)
		nanosleep(&pause, NULL);
	CHECK(getppid() != parent);
}

/* Process `level` (1..DEPTH) of a chain, child of `parent`; returns its
 * exit status.  The parent's pid comes from the parent: by the time the
 * child first runs, a parent that does not wait may be gone already. */
static int chain_level(const struct order *o, int level, pid_t parent, int report)
{
	pid_t me = getpid(), child = -1;
	char who[WHO_LEN], verdict;
	int status;

	snprintf(who, sizeof(who), "process %d", level);
	check_stamp(tag(level - 1, FIRST), who);
	stamp(tag(level, FIRST));
	if (level < DEPTH) {
		child = test_fork();
		if (child == 0)
			_exit(chain_level(o, level + 1, me, report));
		CHECK(child > 0);
	}
	if (child > 0 && o->waits[level]) {
		CHECK_EQ(waitpid(child, &status, 0), child);
		CHECK_EXITED(status, TEST_PASS);
	}
	if (!o->waits[level - 1])
		wait_orphaned(parent);
	check_stamp(tag(level, FIRST), who);
	stamp(tag(level, SECOND));
	check_stamp(tag(level, SECOND), who);

	verdict = test_result() == TEST_PASS ? REPORT_PASS : REPORT_FAIL;
	if (verdict == REPORT_FAIL)
		fprintf(stderr, "isolation: %s of the chain where %s failed\n",
			who, o->name);
	CHECK_EQ(write(report, &verdict, 1), 1);
	return test_result();
}

static void run_chain(const struct order *o)
{
	int fds[2], status, passed = 0;
	char verdict;
	pid_t pid, me = getpid();

	stamp(tag(0, FIRST));
	CHECK_EQ(pipe(fds), 0);
	pid = test_fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(chain_level(o, 1, me, fds[1]));
	}
	CHECK(pid > 0);
	close(fds[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	while (read(fds[0], &verdict, 1) == 1)
		passed += verdict == REPORT_PASS;
	close(fds[0]);
	if (passed != DEPTH)
		fprintf(stderr, "isolation: chain where %s: %d of %d processes "
			"passed\n", o->name, passed, DEPTH);
	CHECK_EQ(passed, DEPTH);
	check_stamp(tag(0, FIRST), "the chain's parent");
}

int main(void)
{
	size_t i;

	big = mmap(NULL, BIG, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(big != MAP_FAILED);
	if (big == MAP_FAILED)
		return test_result();
	test_two_way();
	for (i = 0; i < NR_ORDERS; i++)
		run_chain(&orders[i]);
	return test_result();
}
