/*
 * read() from a pipe into memory whose PTE table an odf fork left shared.
 *
 * Here the kernel, not the program, writes to the shared memory: it must
 * break the sharing first, exactly as a write fault from user mode would,
 * or the data would land in the table the other process still uses.  A
 * read into pages written before fork takes the copy-on-write path; one
 * into pages never written takes the demand-zero path, which changes a
 * PTE all the same.  Either way the reader ends with a table of its own
 * and the pipe's data, and the other process with the original table,
 * counted once, and its memory as it was at fork.
 *
 * Each case runs with the child reading and with the parent reading, on
 * a region mapped afresh, and the reader lets the other look while it is
 * still alive.
 */
#include "odf.h"

#define WRITTEN_PAGES	4	/* pages written before fork */
#define WRITTEN_LEN	(WRITTEN_PAGES * PAGE_SIZE)
#define NEVER_WRITTEN	(64 * PAGE_SIZE)	/* a page nobody wrote */
#define DATA_SKEW	100	/* so that a read starts inside a page */
#define DATA_LEN	(2 * PAGE_SIZE + 200)	/* and spans three pages */
#define SEED_FORK	0x17
#define SEED_DATA	0x29

struct round {
	const char *name;
	int child_reads;
	size_t offset;		/* where in the region the data goes */
};

static const struct round rounds[] = {
	{ "the child reads into written pages", 1, DATA_SKEW },
	{ "the child reads into pages never written", 1,
	  NEVER_WRITTEN + DATA_SKEW },
	{ "the parent reads into written pages", 0, DATA_SKEW },
	{ "the parent reads into pages never written", 0,
	  NEVER_WRITTEN + DATA_SKEW },
};
#define NR_ROUNDS (sizeof(rounds) / sizeof(rounds[0]))

static unsigned char *region;
static unsigned char data[DATA_LEN];
static struct forklab_inspect at_fork;

/* Byte i of the region as it was at fork. */
static unsigned char at_fork_byte(size_t i)
{
	return i < WRITTEN_LEN ? pattern_byte(i, SEED_FORK) : 0;
}

/* Are the region's bytes [from, to) as they were at fork?  Reading pages
 * never written maps zero pages there, so look at the mapping first. */
static int unchanged(size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		if (region[i] != at_fork_byte(i))
			return 0;
	return 1;
}

/* A pipe holds less than the data: both ends go round until done. */
static size_t read_full(int fd, void *p, size_t n)
{
	size_t done = 0;
	ssize_t r;

	while (done < n && (r = read(fd, (char *)p + done, n - done)) > 0)
		done += r;
	return done;
}

static size_t write_full(int fd, const void *p, size_t n)
{
	size_t done = 0;
	ssize_t r;

	while (done < n &&
	       (r = write(fd, (const char *)p + done, n - done)) > 0)
		done += r;
	return done;
}

/* The reader: its table is the original, shared, until the read. */
static void read_into_region(const struct round *r, int fd)
{
	struct forklab_inspect in = inspect(region + r->offset);

	CHECK_EQ(in.table, at_fork.table);
	CHECK_EQ(in.table_ref, 2);
	CHECK_EQ(in.pmd_writable, 0);
	CHECK_EQ(read_full(fd, region + r->offset, DATA_LEN), DATA_LEN);
	in = inspect(region + r->offset);
	CHECK(in.table != 0 && in.table != at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	CHECK_EQ(in.pmd_writable, 1);
	CHECK(in.page != 0);
	CHECK_EQ(in.page_ref, 1);
	CHECK_EQ(in.pte_writable, 1);
	CHECK(memcmp(region + r->offset, data, DATA_LEN) == 0);
	CHECK(unchanged(0, r->offset));
	CHECK(unchanged(r->offset + DATA_LEN, 2 * NEVER_WRITTEN));
}

/* The other process, after the read: the original table, counted once,
 * and nothing of the data. */
static void check_untouched(const struct round *r)
{
	struct forklab_inspect in = inspect(region + r->offset);

	CHECK_EQ(in.table, at_fork.table);
	CHECK_EQ(in.table_ref, 1);
	if (r->offset >= WRITTEN_LEN)
		CHECK_EQ(in.page, 0);
	CHECK(unchanged(0, 2 * NEVER_WRITTEN));
}

/* A fresh region, its first pages written. */
static void reset_region(void)
{
	CHECK(mmap(region, TABLE_SPAN, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == region);
	fill_pattern(region, WRITTEN_LEN, SEED_FORK);
	at_fork = inspect(region);
}

/*
 * One process reads what the other writes into the pipe, then tells the
 * other, which looks and then tells the reader it may go on (and exit).
 */
static int play(const struct round *r, int reads, int data_fd, int take,
		int give)
{
	if (reads) {
		read_into_region(r, data_fd);
		turn_give(give);
		turn_take(take);
	} else {
		CHECK_EQ(write_full(data_fd, data, DATA_LEN), DATA_LEN);
		turn_take(take);
		check_untouched(r);
		turn_give(give);
	}
	return test_result();
}

static void run_round(const struct round *r)
{
	int fds[2], to_child[2], to_parent[2], status;
	int failures = *check_failures();
	pid_t pid;

	reset_region();
	CHECK_EQ(pipe(fds), 0);
	CHECK_EQ(pipe(to_child), 0);
	CHECK_EQ(pipe(to_parent), 0);
	pid = test_fork();
	if (pid == 0)
		_exit(play(r, r->child_reads, fds[!r->child_reads],
			   to_child[0], to_parent[1]));
	CHECK(pid > 0);
	play(r, !r->child_reads, fds[r->child_reads], to_parent[0],
	     to_child[1]);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	close(fds[0]);
	close(fds[1]);
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
	if (*check_failures() != failures)
		fprintf(stderr, "odf_pipe_read: (when %s)\n", r->name);
}

int main(void)
{
	size_t i;

	odf_start();
	region = odf_region();
	fill_pattern(data, DATA_LEN, SEED_DATA);
	for (i = 0; i < NR_ROUNDS; i++)
		run_round(&rounds[i]);
	return test_result();
}
