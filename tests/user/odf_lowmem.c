/*
 * odf forks with free memory nearly gone.
 *
 * A hog process writes private anonymous memory, page by page, until only
 * RESERVE_KB of MemFree is left, and then forks in odf mode, round after
 * round.  Its children, the test's grandchildren, write to the hog's
 * memory, whose PTE tables the fork left shared: the first write under a
 * table needs a frame for the table's copy and one for the page's, and
 * when there is none the kernel kills the writer with SIGBUS.  So every
 * fork must succeed or fail with ENOMEM or EAGAIN, and every grandchild
 * must either finish having seen the right data or die of SIGBUS; nothing
 * else.  When all of them are gone, MemFree is back where it was before
 * the hog started.
 *
 * The grandchildren come in three kinds:
 *   LIGHT   writes under a few tables, which the reserve easily covers:
 *           it must finish;
 *   GREEDY  writes under every table, far more than the reserve;
 *   STARVE  writes page by page while MemFree still has room for a table
 *           and a page, so that it takes nearly every frame and lives.
 *           Then it forks, gives one page back, forks again, and so on
 *           until a fork works: on the way up, fork runs out of frames at
 *           each of its steps in turn (the child's kernel stack, its upper
 *           tables, with some PTE tables already shared), and must undo
 *           what it did each time.  It reports every fork's outcome, and
 *           at last writes under tables it has not copied yet.
 * At least one grandchild must die of SIGBUS and at least one starved
 * fork must fail, or memory never ran out and the test proved nothing.
 * A grandchild that finds wrong data exits at once with WRONG_DATA, before
 * anything in it can need a frame, so that SIGBUS cannot hide the error.
 *
 * The hog itself must not die: the test must hear from it.
 *   - The test forks it with FORK_MODE_COPY, so that nothing of the test
 *     is shared and nothing the test writes while memory is short needs
 *     a frame.
 *   - After each fork, the hog writes the stack pages it will use until
 *     the grandchild is gone (claim_stack()): fork shared them, and each
 *     costs a frame on its first write.  Only then does it let the
 *     grandchild start, through a pipe, so that the grandchild cannot
 *     take those frames first.  Once the grandchild is gone, nothing the
 *     hog maps is shared and its writes need no frame.
 * Grandchildren claim their stack the same way before they start eating.
 *
 * When a starved fork works, the grandchild usually dies of SIGBUS at its
 * next write, and init reaps the orphan; rounds after the last STARVE
 * round give init the time to do so before MemFree is compared.
 */
#include <signal.h>
#include "odf.h"

#define RESERVE_KB	384	/* MemFree the hog leaves */
#define NEAR_EMPTY_KB	2048	/* MemFree after filling is below */
#define STARVE_STOP_KB	(2 * PAGE_SIZE / KB) /* a table and a page */
#define STACK_CLAIM	(4 * PAGE_SIZE)
#define LIGHT_TABLES	4
#define WRONG_DATA	3	/* a grandchild's exit status */
/* A page's first word: whose write it holds ("hog" or "kid"), and the
 * page's number. */
#define HOG_STAMP	0x686f670000000000UL
#define CHILD_STAMP	0x6b69640000000000UL
#define MAX_GIVEN_BACK	32	/* frames a starving grandchild frees */

enum kind { LIGHT, GREEDY, STARVE };

static const enum kind rounds[] = { LIGHT, GREEDY, STARVE,
				    LIGHT, STARVE, GREEDY, LIGHT };
#define NR_ROUNDS (sizeof(rounds) / sizeof(rounds[0]))

static const char *const kind_names[] = { "light", "greedy", "starve" };

static unsigned char *hog;	/* the hog's memory */
static size_t hog_pages;
static int sigbus_seen, starved_forks_failed;

/* The first word of each page says whose write it holds. */
static unsigned long *word(size_t page)
{
	return (unsigned long *)(hog + page * PAGE_SIZE);
}

static size_t nr_tables(void)
{
	return hog_pages / TABLE_PAGES;
}

/* Writes the STACK_CLAIM bytes below the caller's frame, where the calls
 * it makes next keep their frames, so that those pages are its own. */
static void claim_stack(void)
{
	unsigned char below[STACK_CLAIM];
	volatile unsigned char *p = below;	/* so the writes stay */
	size_t i;

	for (i = 0; i < STACK_CLAIM; i += PAGE_SIZE)
		p[i] = 0;
	p[STACK_CLAIM - 1] = 0;
}

/* A grandchild's write to one page, checked before and after. */
static void grandchild_write(size_t page)
{
	if (*word(page) != (HOG_STAMP | page))
		_exit(WRONG_DATA);
	*word(page) = CHILD_STAMP | page;
	if (*word(page) != (CHILD_STAMP | page))
		_exit(WRONG_DATA);
}

/* Writes one page under each of the hog's tables [from, to): pages
 * TABLE_PAGES apart are never under the same table. */
static void write_tables(size_t from, size_t to)
{
	size_t t;

	for (t = from; t < to; t++)
		grandchild_write(t * TABLE_PAGES);
}

/* Eats pages in order while a table and a page can still be had; returns
 * the first page it did not write. */
static size_t eat_while_room(void)
{
	size_t page = 0;

	while (page < hog_pages && memfree_kb() >= STARVE_STOP_KB)
		grandchild_write(page++);
	return page;
}

/* Forks and reports how it went: 0 if it worked (the child exits at
 * once), else its errno.  Returns whether it worked. */
static int report_fork(int report)
{
	pid_t pid = fork();
	char outcome = pid < 0 ? (char)errno : 0;

	if (pid == 0)
		_exit(TEST_PASS);
	if (pid > 0)
		waitpid(pid, NULL, 0);
	if (write(report, &outcome, 1) != 1)
		_exit(TEST_FAIL);
	return pid > 0;
}

/*
 * Forks with memory gone, then again with one frame more (a page given
 * back), and so on until a fork works: on the way up, fork runs out at
 * every step where it takes a frame, sharing tables included.
 */
static void fork_while_starved(size_t eaten, int report)
{
	size_t page;

	for (page = 0; page < eaten && page < MAX_GIVEN_BACK; page++) {
		if (report_fork(report))
			return;
		if (munmap(hog + page * PAGE_SIZE, PAGE_SIZE) != 0)
			return;
	}
}

static int grandchild(enum kind k, int report)
{
	size_t eaten;

	claim_stack();
	errno = 0;	/* a failed fork sets it: copy its page now */
	switch (k) {
	case LIGHT:
		write_tables(0, LIGHT_TABLES);
		break;
	case GREEDY:
		write_tables(0, nr_tables());
		break;
	case STARVE:
		eaten = eat_while_room();
		fork_while_starved(eaten, report);
		write_tables(eaten / TABLE_PAGES + 2, nr_tables());
		break;
	}
	return TEST_PASS;
}

/* Lets the grandchild start and waits for it; see the top of the file. */
static int let_go_and_wait(pid_t pid, int go)
{
	int status;

	claim_stack();
	turn_give(go);
	if (waitpid(pid, &status, 0) != pid)
		return NO_STATUS;
	return status;
}

/* The hog's pages all hold the hog's own writes. */
static int hog_intact(void)
{
	size_t page;

	for (page = 0; page < hog_pages; page++)
		if (*word(page) != (HOG_STAMP | page))
			return 0;
	return 1;
}

/* A starving grandchild's forks: each worked or ran out of memory. */
static void judge_forks(int report)
{
	int forks = 0;
	char outcome;

	while (read(report, &outcome, 1) == 1) {
		forks++;
		CHECK(outcome == 0 || outcome == ENOMEM || outcome == EAGAIN);
		starved_forks_failed += outcome != 0;
	}
	CHECK(forks > 0);
}

static void judge(enum kind k, int status, int report)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == WRONG_DATA)
		fprintf(stderr, "odf_lowmem: a grandchild found wrong data\n");
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS && k != LIGHT)
		sigbus_seen++;
	else
		CHECK_EXITED(status, TEST_PASS);
	if (k == STARVE)
		judge_forks(report);
	CHECK(hog_intact());
}

static void hog_round(enum kind k)
{
	int go[2], report[2], status, fork_errno;
	int failures = *check_failures();
	pid_t pid;

	CHECK_EQ(pipe(go), 0);
	CHECK_EQ(pipe(report), 0);
	pid = test_fork();
	fork_errno = errno;
	if (pid == 0) {
		close(go[1]);
		close(report[0]);
		if (!turn_take(go[0]))
			_exit(TEST_FAIL);
		_exit(grandchild(k, report[1]));
	}
	close(go[0]);
	close(report[1]);
	if (pid < 0) {
		CHECK(fork_errno == ENOMEM || fork_errno == EAGAIN);
	} else {
		status = let_go_and_wait(pid, go[1]);
		judge(k, status, report[0]);
	}
	close(go[1]);
	close(report[0]);
	if (*check_failures() != failures)
		fprintf(stderr, "odf_lowmem: (in a %s round)\n", kind_names[k]);
}

/* Maps and writes all but RESERVE_KB of free memory: the pages, and one
 * frame per TABLE_PAGES of them for their page table. */
static void fill_memory(void)
{
	long free_kb = memfree_kb();
	size_t page, fill_kb;

	CHECK(free_kb > RESERVE_KB);
	if (free_kb <= RESERVE_KB)
		return;
	fill_kb = (free_kb - RESERVE_KB) * TABLE_PAGES / (TABLE_PAGES + 1);
	hog_pages = fill_kb * KB / PAGE_SIZE;
	hog = mmap(NULL, hog_pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(hog != MAP_FAILED);
	if (hog == MAP_FAILED) {
		hog_pages = 0;
		return;
	}
	for (page = 0; page < hog_pages; page++)
		*word(page) = HOG_STAMP | page;
	CHECK(memfree_kb() < NEAR_EMPTY_KB);
}

static int hog_process(void *unused)
{
	size_t i;

	(void)unused;
	CHECK_EQ(prctl(PR_SET_FORK_MODE, (unsigned long)FORK_MODE_ODF, 0UL,
		       0UL, 0UL), 0);
	fill_memory();
	for (i = 0; i < NR_ROUNDS && hog_pages; i++)
		hog_round(rounds[i]);
	CHECK(sigbus_seen > 0);
	CHECK(starved_forks_failed > 0);
	return test_result();
}

int main(void)
{
	long free_kb;

	odf_start();
	free_kb = memfree_kb();
	/* The hog gets a copy: nothing of ours may be shared with it. */
	CHECK_EQ(prctl(PR_SET_FORK_MODE, (unsigned long)FORK_MODE_COPY, 0UL,
		       0UL, 0UL), 0);
	CHECK_EXITED(run_in_child(hog_process, NULL), TEST_PASS);
	CHECK_EQ(memfree_kb(), free_kb);
	return test_result();
}
