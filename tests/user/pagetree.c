/*
 * /proc/<pid>/pagetree (kernel/pagetree.c) tells the truth: its tables add
 * up to what /proc/<pid>/status counts (the tables counted once are VmPTE,
 * the others SharedPTETables, the pages VmRSS), and the PTE table it shows
 * for an address is the one PR_INSPECT names, with the same count and the
 * same R/W bit in the pmd entry.  The address watched is in a region
 * that one PTE table maps alone, which only the parent writes, before the
 * fork: under on-demand fork, both processes share that table while they
 * look (the parent first, then the child, each waiting for the other).
 * The parent also reads the child's tree.
 *
 * Linux has no such file: the test is skipped there.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <forklab.h>
#include "odf.h"

#define TEXT_MAX	4096	/* the kernel's text files fit in a page */
#define PATH_MAX_	40
#define WATCHED_VALUE	0x5a
#define KB_PER_PAGE	(PAGE_SIZE / 1024)
#define ATTEMPTS	4	/* a fault between two reads changes the tree */
#define LEVEL_BITS	9
#define PGD_LEVEL	4
#define PMD_LEVEL	2
#define INDENT		2	/* spaces per level below the pgd */

static char tree[TEXT_MAX], again[TEXT_MAX], status[TEXT_MAX];
static volatile unsigned char *watched;	/* in a table of its own */

/* Sums of a tree: tables counted once, shared PTE tables, pages. */
struct sums {
	long once, shared, pages;
};

/* The file's text into buf (NUL-terminated); its length, or -1. */
static long slurp(const char *path, char *buf)
{
	int fd = open(path, O_RDONLY);
	long n = 0, r = 0;

	if (fd < 0)
		return -1;
	while (n < TEXT_MAX - 1 && (r = read(fd, buf + n, TEXT_MAX - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	return r < 0 ? -1 : n;
}

/* The value of a "Key:\tN" line of a status file, or -1. */
static long status_value(const char *key)
{
	const char *s = strstr(status, key);

	return s ? strtol(s + strlen(key), NULL, 10) : -1;
}

/* The index a table at `level` has in va's walk. */
static int index_of(unsigned long va, int level)
{
	return (va >> (12 + LEVEL_BITS * (level - 1))) % (1 << LEVEL_BITS);
}

/* Adds up a tree; sets *pmd_line to the line of the PTE table mapping va
 * (the line of a pmd entry, whose indent says its level), or NULL. */
static struct sums add_up(const char *text, unsigned long va, const char **pmd_line)
{
	struct sums s = { 0, 0, 0 };
	int on_path[PGD_LEVEL + 1] = { 0 };
	const char *line;

	*pmd_line = NULL;
	for (line = text; *line; line = strchr(line, '\n') + 1) {
		int depth = strspn(line, " ") / INDENT, level = PGD_LEVEL - depth;
		int index;
		long pages = 0;
		unsigned ref = 0;
		const char *r = strstr(line, " ref ");

		CHECK(r != NULL && strchr(line, '\n') != NULL);
		if (!r || !strchr(line, '\n'))
			break;
		ref = strtoul(r + strlen(" ref "), NULL, 10);
		index = strtol(line + depth * INDENT + 1, NULL, 10);	/* "[i]" */
		on_path[level] = level == PGD_LEVEL ||
				 (on_path[level + 1] && index == index_of(va, level + 1));
		if (ref > 1 && level == 1)
			s.shared++;
		else
			s.once++;
		if (strchr(line, ':') && strchr(line, ':') < strchr(line, '\n'))
			pages = strtol(strchr(line, ':') + 1, NULL, 10);
		s.pages += pages;
		if (level == 1 && on_path[level])
			*pmd_line = line;
	}
	return s;
}

/* One consistent look at a process's tree, its status and, for the
 * caller's own (in not NULL), PR_INSPECT of `watched`: the tree is read
 * before and after the others, until both reads agree. */
static int look(int pid, struct forklab_inspect *in)
{
	char tree_path[PATH_MAX_], status_path[PATH_MAX_];

	snprintf(tree_path, sizeof(tree_path), "/proc/%d/pagetree", pid);
	snprintf(status_path, sizeof(status_path), "/proc/%d/status", pid);
	for (int i = 0; i < ATTEMPTS; i++) {
		CHECK(slurp(tree_path, tree) > 0);
		CHECK(slurp(status_path, status) > 0);
		if (in)
			CHECK_EQ(prctl(PR_INSPECT, (unsigned long)watched,
				       (unsigned long)in, 0UL, 0UL), 0);
		CHECK(slurp(tree_path, again) > 0);
		if (!strcmp(tree, again))
			return 1;
	}
	return 0;
}

/* A process's tree against its status; `self` also against PR_INSPECT. */
static void check_tree(int pid, int self)
{
	struct forklab_inspect in;
	const char *line;
	struct sums s;
	const char *frame;

	memset(&in, 0, sizeof(in));
	CHECK(look(pid, self ? &in : NULL));
	s = add_up(tree, (unsigned long)watched, &line);
	CHECK_EQ(s.once * KB_PER_PAGE, status_value("VmPTE:"));
	CHECK_EQ(s.shared, status_value("SharedPTETables:"));
	CHECK_EQ(s.pages * KB_PER_PAGE, status_value("VmRSS:"));
	CHECK(line != NULL);
	if (!line || !self)
		return;
	frame = strstr(line, " frame ");
	CHECK(frame != NULL);
	if (!frame)
		return;
	CHECK_EQ(strtoul(frame + strlen(" frame "), NULL, 16) * PAGE_SIZE, in.table);
	CHECK_EQ(strtoul(strstr(line, " ref ") + strlen(" ref "), NULL, 10), in.table_ref);
	CHECK_EQ(!strncmp(strchr(line, ']'), "] rw ", strlen("] rw ")), in.pmd_writable);
}

int main(void)
{
	int to_child[2], status_;
	struct utsname u;
	char c = 0;
	pid_t pid;

	if (slurp("/proc/self/pagetree", tree) < 0) {
		CHECK_EQ(uname(&u), 0);
		printf("skipped: no /proc/self/pagetree on %s\n", u.sysname);
		return test_result();
	}
	watched = odf_region();
	*watched = WATCHED_VALUE;
	CHECK_EQ(pipe(to_child), 0);
	pid = fork();
	if (pid == 0) {
		CHECK_EQ(read(to_child[0], &c, 1), 1);
		check_tree(getpid(), 1);
		CHECK_EQ(*watched, WATCHED_VALUE);
		exit(test_result());
	}
	CHECK(pid > 0);
	check_tree(getpid(), 1);
	check_tree(pid, 0);
	CHECK_EQ(*watched, WATCHED_VALUE);
	CHECK_EQ(write(to_child[1], &c, 1), 1);
	CHECK_EQ(waitpid(pid, &status_, 0), pid);
	CHECK_EXITED(status_, 0);
	return test_result();
}
