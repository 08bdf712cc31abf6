/*
 * hodf, seen from user mode: a process that chooses the mode with prctl
 * forks a child whose writes break the shared upper tables, which
 * /proc/forkstat counts by level, while neither process sees the other's
 * writes; /proc/self/status shows the tables by level.
 *
 * The parent's region and the stack share the pud table of one pgd
 * entry, so whichever process writes first after the fork copies that
 * table and the other reuses it (count 1 by then): between them, one copy
 * and one reuse at the pud level at least.
 *
 * hodf is forklab's own: elsewhere (Linux says EINVAL to forklab's prctl
 * options) the test says it is skipped.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "odf.h"

#define SEED_FORK	0x21
#define SEED_CHILD	0x43
#define LINE_LEN	160
#define NCOUNTERS	2

static const char *const counters[NCOUNTERS] = {
	"hodf_pud_tables_copied ", "hodf_pud_tables_reused ",
};

/* The number after `key` on the line of file `path` that starts with it,
 * or -1. */
static long value_of(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	char line[LINE_LEN];
	long v = -1;

	if (!f) {
		check_fail(__FILE__, __LINE__, path);
		return -1;
	}
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, strlen(key))) {
			v = strtol(line + strlen(key), NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static void read_counters(long *out)
{
	for (int i = 0; i < NCOUNTERS; i++)
		out[i] = value_of("/proc/forkstat", counters[i]);
}

/* The pgd tables /proc/self/status counts as this process's own. */
static long own_pgds(void)
{
	return value_of("/proc/self/status", "TablesOwn:\tpgd ");
}

int main(void)
{
	unsigned char *region;
	long before[NCOUNTERS], after[NCOUNTERS];
	int status;
	pid_t pid;

	hodf_start();
	region = odf_region();
	fill_pattern(region, TABLE_SPAN, SEED_FORK);
	CHECK_EQ(own_pgds(), 1);
	read_counters(before);
	pid = test_fork();
	if (pid == 0) {
		int ok = holds_pattern(region, TABLE_SPAN, SEED_FORK);

		fill_pattern(region, PAGE_SIZE, SEED_CHILD);
		ok = ok && holds_pattern(region, PAGE_SIZE, SEED_CHILD);
		_exit(ok && own_pgds() == 1 ? TEST_PASS : TEST_FAIL);
	}
	CHECK(pid > 0);
	CHECK_EQ(waitpid(pid, &status, 0), pid);
	CHECK_EXITED(status, TEST_PASS);
	CHECK(holds_pattern(region, TABLE_SPAN, SEED_FORK));
	read_counters(after);
	CHECK(after[0] > before[0]);
	CHECK(after[1] > before[1]);
	return test_result();
}
