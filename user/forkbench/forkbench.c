/*
 * forkbench [--min MiB] [--max MiB] [--copy-max MiB] [--reps N]
 *           [--warmup N] [--quick] [--fork-only]
 * forkbench --threads N [--size MiB] [--reps N] [--warmup N]:
 * what fork costs a process whose memory is all resident, by size and by
 * fork mode, as CSV on stdout (scripts/bench.sh tabulates and plots it;
 * docs/perf.md explains the method).
 *
 * For each size, doubling from --min (16) to --max (2048) MiB while the
 * memory lasts, the parent maps a region, aligned to a PTE table's span,
 * and writes every page of it.  Then, in each fork mode (copy only up to
 * --copy-max MiB), after --warmup (1) unrecorded repetitions (warm_up()),
 * each of --reps repetitions (11 up to 64 MiB, 7 above) runs three trials:
 *
 *   A  fork with the child waiting: the fork's latency as the parent sees
 *      it, and in it the system call alone and the parent's first write
 *      after it (timed_fork()), the fork's work counters, page-table bytes
 *      while both live; then
 *      the child writes its first page, the rest of its first PTE table and
 *      every other page, timing each prefix; once the child is reaped, the
 *      parent writes every page again
 *   B  fork, the child exits at once, reaped; then the parent writes every
 *      page again
 *   C  fork, execve /bin/true, wait
 *
 * The parent's passes measure what a fork leaves the parent to pay, and
 * they also make the region writable again, as the first touch left it, so
 * that every trial starts from the same state.  Every metric gets one row:
 * size, mode, metric, median, minimum, unit, repetitions, note.
 *
 * Portable: built with the host's cc it measures Linux's one fork (mode
 * "linux"), and leaves out the rows only forklab has (shared tables, the
 * fork's work counters).  Everything is integer, as our printf is.
 * --quick is --max 32 --reps 1 --warmup 0, for tests.  --fork-only runs
 * trial A up to the child's writes only, and needs the region once, not
 * twice, in free memory: the fork of the largest sizes a guest holds.
 *
 * forkbench --threads N [--size MiB]: instead of the sizes, what a fork
 * costs while 0, 1, 2, 4 ... N threads of the parent write on other CPUs
 * (threads.c): the TLB shootdown's cost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <forklab.h>
#include "forkbench.h"

#define DEFAULT_MIN_MIB 16
#define DEFAULT_MAX_MIB 2048
#define QUICK_MAX_MIB   32
#define THREADS_MIB     64              /* --threads's default size */
#define SMALL_MIB       64              /* up to here a repetition is cheap... */
#define REPS_SMALL      11              /* ...so take more of them */
#define REPS_LARGE      7
#define SLACK_MIB       64              /* left free for the kernel and libc */
#define TABLE_KIB_PER_MIB (PAGE_SIZE / KIB * MIB / (long)TABLE_SPAN)
#define TRUE_PATH       "/bin/true"
#define EXEC_FAILED     127

extern char **environ;

/* /proc/<pid>/status: page-table kB, then (forklab) the last fork's work,
 * in the order of the metrics from PARENT_PTE and from TABLES_SHARED. */
static const char *const pte_keys[] = { "VmPTE", "VmPTEShared" };
static const char *const work_keys[] = {
	"ForkTablesShared", "ForkTablesCopied", "ForkPTEsCopied", "ForkPagesCopied",
	"ForkTLBFlushes", "ForkTLBShootdownIPIs",
};
#define NPTE_KEYS       (sizeof(pte_keys) / sizeof(pte_keys[0]))
#define NWORK_KEYS      (sizeof(work_keys) / sizeof(work_keys[0]))

static const struct mode forklab_modes[] = {
	{ "copy", FORK_MODE_COPY }, { "cow", FORK_MODE_COW }, { "odf", FORK_MODE_ODF },
	{ "hodf", FORK_MODE_HODF },
};
static const struct mode linux_mode = { "linux", -1 };

/* The options; reps 0 means "by size" (reps_for()), threads 0 the sizes. */
static struct {
	long min_mib, max_mib, copy_max_mib, reps, warmup, threads, size_mib;
	int fork_only;
} opt = { DEFAULT_MIN_MIB, DEFAULT_MAX_MIB, LONG_MAX, 0, 1, 0, THREADS_MIB, 0 };

static const struct {
	const char *name;
	long *value, least, most;
} options[] = {
	{ "--min", &opt.min_mib, 1, LONG_MAX / MIB },
	{ "--max", &opt.max_mib, 1, LONG_MAX / MIB },
	{ "--copy-max", &opt.copy_max_mib, 0, LONG_MAX },
	{ "--reps", &opt.reps, 1, MAX_REPS },
	{ "--warmup", &opt.warmup, 0, LONG_MAX },
	{ "--threads", &opt.threads, 1, THREADS_MAX },
	{ "--size", &opt.size_mib, 1, LONG_MAX / MIB },
};
#define NOPTIONS        (sizeof(options) / sizeof(options[0]))

/* What the child of trial A timed, from its first write. */
struct child_times {
	long first_page, first_table, all;
};

static long meminfo(const char *key)
{
	long v;

	read_fields("/proc/meminfo", &key, 1, &v);
	return v;
}

/* The text after "key<blanks>: " in /proc/cpuinfo's first block, or dflt. */
static const char *cpuinfo(const char *key, const char *dflt)
{
	static char line[LINE_LEN];
	FILE *f = fopen("/proc/cpuinfo", "r");
	const char *found = dflt;
	size_t len = strlen(key);

	while (f && found == dflt && fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':');

		if (colon && !strncmp(line, key, len) && strspn(line + len, " \t") ==
		    (size_t)(colon - line - len)) {
			found = colon + 1 + strspn(colon + 1, " ");
			line[strcspn(line, "\n")] = '\0';
		}
	}
	if (f)
		fclose(f);
	return found;
}

/* The parent writes every page again: a total and a per-page metric. */
static void parent_pass(enum metric total, enum metric per_page)
{
	long t0 = now_ns(), ns;

	touch(0, region.pages);
	ns = now_ns() - t0;
	record(total, ns);
	record(per_page, ns / region.pages);
}

/* Trial A's child: waits for the word, writes, sends its times back. */
static _Noreturn void child_writes(int go, int back)
{
	struct child_times t;
	long t0;
	char c;

	if (read(go, &c, 1) != 1)
		_exit(EXIT_FAILURE);
	if (opt.fork_only)
		_exit(0);
	t0 = now_ns();
	touch(0, 1);
	t.first_page = now_ns() - t0;
	touch(1, TABLE_PAGES);
	t.first_table = now_ns() - t0;
	touch(TABLE_PAGES, region.pages);
	t.all = now_ns() - t0;
	_exit(write(back, &t, sizeof(t)) == sizeof(t) ? 0 : EXIT_FAILURE);
}

/* Page-table bytes of both, the system's change, and the fork's work. */
static void record_tables(pid_t child, long pagetables_before)
{
	long mine[NPTE_KEYS], its[NPTE_KEYS], work[NWORK_KEYS];
	char path[LINE_LEN];

	read_fields("/proc/self/status", pte_keys, NPTE_KEYS, mine);
	read_fields("/proc/self/status", work_keys, NWORK_KEYS, work);
	snprintf(path, sizeof(path), "/proc/%d/status", (int)child);
	read_fields(path, pte_keys, NPTE_KEYS, its);
	record(PT_DELTA, (meminfo("PageTables") - pagetables_before) * KIB);
	for (size_t i = 0; i < NPTE_KEYS; i++) {
		record(PARENT_PTE + i, mine[i] == ABSENT ? ABSENT : mine[i] * KIB);
		record(CHILD_PTE + i, its[i] == ABSENT ? ABSENT : its[i] * KIB);
	}
	for (size_t i = 0; i < NWORK_KEYS; i++)
		record(TABLES_SHARED + i, work[i]);
}

/* Lets trial A's child write and collects its times. */
static const char *child_results(pid_t pid, int go, int back)
{
	struct child_times t;
	const char *why;

	if (write(go, "w", 1) != 1)
		return failed("write to the child");
	if (opt.fork_only)
		return reap(pid);
	if (read(back, &t, sizeof(t)) != sizeof(t))
		t.all = ABSENT;
	if ((why = reap(pid)))
		return why;
	if (t.all == ABSENT)
		return "child sent no times";
	record(CHILD_W1, t.first_page);
	record(CHILD_W512, t.first_table);
	record(CHILD_WALL, t.all);
	record(CHILD_WPAGE, t.all / region.pages);
	return NULL;
}

static const char *trial_child_writes(void)
{
	int go[2], back[2];
	long before, t0, ns;
	uint64_t ticks[2];
	const char *why;
	pid_t pid;

	if (pipe(go) < 0 || pipe(back) < 0)
		return failed("pipe");
	before = meminfo("PageTables");
	t0 = now_ns();
	pid = timed_fork(ticks);
	if (pid == 0)
		child_writes(go[0], back[1]);
	ns = now_ns() - t0;
	close(go[0]);
	close(back[1]);                 /* so that a dead child reads as EOF */
	why = pid < 0 ? failed("fork") : NULL;
	if (!why) {
		record(FORK, ns);
		record(FORK_SYSCALL, tsc_ns(ticks[0]));
		record(PARENT_W1, tsc_ns(ticks[1]));
		record_tables(pid, before);
		why = child_results(pid, go[1], back[0]);
	}
	close(go[1]);
	close(back[0]);
	if (!why && !opt.fork_only)
		parent_pass(PARENT_AFTER_WRITES, PARENT_AFTER_WRITES_PAGE);
	return why;
}

static const char *trial_child_exits(void)
{
	long t0 = now_ns();
	pid_t pid = fork();
	const char *why;

	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return failed("fork");
	if ((why = reap(pid)))
		return why;
	record(FORK_EXIT, now_ns() - t0);
	parent_pass(PARENT_AFTER_EXIT, PARENT_AFTER_EXIT_PAGE);
	return NULL;
}

static const char *trial_child_execs(void)
{
	static char *const argv[] = { TRUE_PATH, NULL };
	long t0 = now_ns();
	pid_t pid = fork();
	const char *why;

	if (pid == 0) {
		execve(TRUE_PATH, argv, environ);
		_exit(EXEC_FAILED);
	}
	if (pid < 0)
		return failed("fork");
	if ((why = reap(pid)))
		return why;
	record(FORK_EXEC, now_ns() - t0);
	return NULL;
}

static const char *repetition(void)
{
	const char *why;

	fflush(stdout);                 /* or each child would inherit the buffer */
	if ((why = trial_child_writes()) || opt.fork_only || (why = trial_child_exits()))
		return why;
	return trial_child_execs();
}

/* A warm-up repetition.  After the first size it leaves out trial A, whose
 * child writing every page is most of a repetition's time at large sizes,
 * and whose paths the first size warmed. */
static const char *warm_up(long mib)
{
	const char *why;

	if (mib == opt.min_mib || opt.fork_only)
		return repetition();
	fflush(stdout);
	if ((why = trial_child_exits()))
		return why;
	return trial_child_execs();
}

static long reps_for(long mib)
{
	if (opt.reps)
		return opt.reps;
	return mib <= SMALL_MIB ? REPS_SMALL : REPS_LARGE;
}

/* Switches to mode m for mib MiB; NULL, or why m is not measured there. */
const char *select_mode(long mib, const struct mode *m)
{
	static char note[NOTE_LEN];

	if (m->forklab_mode == FORK_MODE_COPY && mib > opt.copy_max_mib) {
		snprintf(note, sizeof(note), "above --copy-max %ld MiB: "
			 "a copy fork copies every page", opt.copy_max_mib);
		return note;
	}
	if (m->forklab_mode >= 0 && prctl(PR_SET_FORK_MODE, m->forklab_mode, 0, 0, 0) < 0)
		return failed("PR_SET_FORK_MODE");
	return NULL;
}

/* The warm-up and the recorded repetitions of one size in one mode. */
static void run_mode(long mib, const struct mode *m)
{
	long reps = reps_for(mib), t0 = now_ns();
	const char *why = select_mode(mib, m);

	for (long i = 0; !why && i < opt.warmup; i++)
		why = warm_up(mib);
	clear_samples();
	for (long i = 0; !why && i < reps; i++)
		why = repetition();
	if (why)
		print_skipped(mib, m->name, why);
	else
		print_rows(mib, m->name);
	fprintf(stderr, "forkbench: %ld MiB %s: %ld s\n", mib, m->name,
		(now_ns() - t0) / NS_PER_SEC);
	fflush(stdout);
}

/* Why mib MiB cannot be measured here, or NULL: the parent's region and a
 * child's private copy of it (but with --fork-only), with their page
 * tables, must fit. */
static const char *too_big(long mib)
{
	static char note[NOTE_LEN];
	long avail = meminfo("MemAvailable");
	long copies = opt.fork_only ? 1 : 2;
	long need_kib = copies * (mib * KIB + mib * TABLE_KIB_PER_MIB) + SLACK_MIB * KIB;

	if (avail == ABSENT)
		avail = meminfo("MemFree");
	if (avail == ABSENT || avail >= need_kib)
		return NULL;
	snprintf(note, sizeof(note), "not enough memory: needs %ld MiB free and %ld MiB are",
		 need_kib / KIB, avail / KIB);
	return note;
}

static void bench_size(long mib, const struct mode *modes, size_t nmodes)
{
	const char *why = too_big(mib);

	if (!why)
		why = map_region(mib);
	for (size_t i = 0; i < nmodes; i++)
		if (why)
			print_skipped(mib, modes[i].name, why);
		else
			run_mode(mib, &modes[i]);
	unmap_region();
}

/* forklab names its hypervisor; Linux only sets a flag for one. */
static const char *hypervisor(void)
{
	const char *named = cpuinfo("hypervisor", NULL);

	if (named)
		return named;
	return strstr(cpuinfo("flags", ""), " hypervisor") ? "unnamed (cpu flag set)" : "none";
}

static void print_platform(int forklab)
{
	struct utsname u;

	uname(&u);
	if (opt.threads)
		printf("# forkbench: fork costs with 0 to %ld threads on other CPUs\n",
		       opt.threads);
	else
		printf("# forkbench: fork costs by size and mode\n");
	printf("# sysname: %s\n# release: %s\n", u.sysname, u.release);
	printf("# hypervisor: %s\n", hypervisor());
	printf("# vendor_id: %s\n", cpuinfo("vendor_id", "unknown"));
	printf("# model_name: %s\n", cpuinfo("model name", "unknown"));
	printf("# cpu_mhz: %s\n", cpuinfo("cpu MHz", "unknown"));
	printf("# modes: %s\n", forklab ? "copy cow odf hodf" : "linux");
	if (opt.threads) {
		printf("# size_mib: %ld\n# reps: %ld; warm-up %ld\n",
		       opt.size_mib, reps_for(opt.size_mib), opt.warmup);
		printf("threads,mode,metric,median,min,unit,reps,note\n");
		return;
	}
	printf("# reps: %ld up to %d MiB, %ld above; warm-up %ld\n",
	       reps_for(SMALL_MIB), SMALL_MIB, reps_for(SMALL_MIB * 2), opt.warmup);
	printf("size_mib,mode,metric,median,min,unit,reps,note\n");
}

static void usage(void)
{
	fprintf(stderr, "usage: forkbench [--min MiB] [--max MiB] [--copy-max MiB] "
		"[--reps N] [--warmup N] [--quick] [--fork-only]\n"
		"       forkbench --threads N [--size MiB] [--reps N] [--warmup N]\n");
	exit(2);
}

/* Sets the option named `name` from the text `value`; 0, or -1 if invalid. */
static int set_option(const char *name, const char *value)
{
	char *end;
	long v;

	for (size_t i = 0; value && i < NOPTIONS; i++) {
		if (strcmp(name, options[i].name))
			continue;
		v = strtol(value, &end, 10);
		if (*end || end == value || v < options[i].least || v > options[i].most)
			return -1;
		*options[i].value = v;
		return 0;
	}
	return -1;
}

static void parse_args(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quick")) {
			opt.max_mib = QUICK_MAX_MIB;
			opt.reps = 1;
			opt.warmup = 0;
		} else if (!strcmp(argv[i], "--fork-only")) {
			opt.fork_only = 1;
		} else if (set_option(argv[i], argv[i + 1]) == 0) {
			i++;
		} else {
			usage();
		}
	}
}

int main(int argc, char **argv)
{
	int forklab = prctl(PR_GET_FORK_MODE, 0, 0, 0, 0) >= 0;
	const struct mode *modes = forklab ? forklab_modes : &linux_mode;
	size_t nmodes = forklab ? sizeof(forklab_modes) / sizeof(forklab_modes[0]) : 1;

	clock_start();
	parse_args(argc, argv);
	print_platform(forklab);
	if (opt.threads) {
		bench_threads(opt.threads, opt.size_mib, reps_for(opt.size_mib), opt.warmup,
			      modes, nmodes);
		return 0;
	}
	for (long mib = opt.min_mib; mib <= opt.max_mib; mib *= 2)
		bench_size(mib, modes, nmodes);
	return 0;
}
