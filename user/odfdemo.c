/*
 * odfdemo [MiB]: what a fork costs a process with MiB of resident memory
 * (default 1024), in each fork mode the system offers, seen through
 * /proc/meminfo as the On-Demand Fork and COW page-table papers show it:
 * MemTotal, MemFree, AnonPages and PageTables before fork and after it,
 * with the child still alive, and the fork's own work counters.
 *
 * Portable: on Linux it measures Linux's one fork; on forklab it switches
 * modes with prctl(PR_SET_FORK_MODE) and runs copy, cow, odf and hodf in
 * turn.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <forklab.h>

#define DEFAULT_MIB     1024
#define PAGE            4096
#define MIB             (1024 * 1024)
#define NS_PER_US       1000
#define NS_PER_SEC      1000000000L
#define LINE_MAX_LEN    128

static const char *const fields[] = { "MemTotal", "MemFree", "AnonPages", "PageTables" };
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))
static const char *const odf_events[] = { "odf_tables_copied", "odf_tables_reused" };
static const char *const counters[] = {
	"ForkTablesShared", "ForkTablesCopied", "ForkPTEsCopied", "ForkPagesCopied",
	"ForkTLBFlushes",
};
#define NCOUNTERS (sizeof(counters) / sizeof(counters[0]))

/* The numbers of `names` in a "Name: value" (or "name value") file; -1 for
 * those absent. */
static void read_values(const char *path, const char *const *names, size_t n, long *out)
{
	char line[LINE_MAX_LEN];
	FILE *f = fopen(path, "r");

	for (size_t i = 0; i < n; i++)
		out[i] = -1;
	while (f && fgets(line, sizeof(line), f))
		for (size_t i = 0; i < n; i++)
			if (!strncmp(line, names[i], strlen(names[i])) &&
			    strchr(": ", line[strlen(names[i])]))
				out[i] = strtol(line + strlen(names[i]) + 1, NULL, 10);
	if (f)
		fclose(f);
}

static long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

static void print_table(const long *before, const long *after)
{
	printf("%-12s %14s %14s %12s\n", "", "before fork", "after fork", "change");
	for (size_t i = 0; i < NFIELDS; i++)
		printf("%-12s %11ld kB %11ld kB %+9ld kB\n", fields[i], before[i], after[i],
		       after[i] - before[i]);
}

static void print_counters(void)
{
	long v[NCOUNTERS];

	read_values("/proc/self/status", counters, NCOUNTERS, v);
	if (v[0] < 0)
		return;
	printf("fork's work: %ld tables shared, %ld tables copied, %ld PTEs copied, "
	       "%ld pages copied, %ld TLB flushes\n", v[0], v[1], v[2], v[3], v[4]);
}

/* Forks with the child kept alive until the numbers are read. */
static int measure(const char *mode)
{
	long before[NFIELDS], after[NFIELDS], t0, t1;
	int go[2];
	char byte;
	pid_t pid;

	if (pipe(go) < 0)
		return -1;
	read_values("/proc/meminfo", fields, NFIELDS, before);
	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		close(go[1]);
		read(go[0], &byte, 1);          /* until the parent has measured */
		_exit(0);
	}
	t1 = now_ns();
	if (pid < 0)
		return -1;
	read_values("/proc/meminfo", fields, NFIELDS, after);
	printf("\n== fork mode %s: fork took %ld us\n", mode, (t1 - t0) / NS_PER_US);
	print_table(before, after);
	print_counters();
	close(go[1]);
	close(go[0]);
	waitpid(pid, NULL, 0);
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const modes[] = { "copy", "cow", "odf", "hodf" };
	long mib = argc > 1 ? strtol(argv[1], NULL, 10) : DEFAULT_MIB, events[2];
	size_t len = (size_t)mib * MIB;
	char *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (mib <= 0 || mem == MAP_FAILED) {
		fprintf(stderr, "odfdemo: cannot map %ld MiB\n", mib);
		return 1;
	}
	for (size_t off = 0; off < len; off += PAGE)
		mem[off] = 1;
	printf("odfdemo: %ld MiB mapped and resident\n", mib);
	if (prctl(PR_GET_FORK_MODE) < 0)
		return measure("(this system's)") < 0;
	for (int m = FORK_MODE_COPY; m <= FORK_MODE_HODF; m++) {
		prctl(PR_SET_FORK_MODE, m);
		if (measure(modes[m]) < 0)
			printf("\n== fork mode %s: fork failed: %s\n", modes[m], strerror(errno));
	}
	read_values("/proc/forkstat", odf_events, 2, events);
	printf("\nsince boot, on-demand fork copied %ld shared tables and reused %ld\n",
	       events[0], events[1]);
	return 0;
}
