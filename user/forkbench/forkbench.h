/*
 * forkbench's parts: forkbench.c measures fork by size and mode, threads.c
 * with threads running on other CPUs (--threads), and measure.c holds what
 * both measure with: the clocks, the timed fork, /proc's fields, the
 * region of memory forked, and the CSV rows of medians.
 */
#ifndef FORKBENCH_H
#define FORKBENCH_H

#include <limits.h>
#include <stdint.h>
#include <sys/types.h>

#define PAGE_SIZE       4096
#define TABLE_PAGES     512             /* pages one PTE table maps */
#define TABLE_SPAN      ((size_t)TABLE_PAGES * PAGE_SIZE)
#define KIB             1024L
#define MIB             (1024L * 1024)
#define NS_PER_SEC      1000000000L
#define MAX_REPS        101
#define LINE_LEN        256
#define NOTE_LEN        160
#define ABSENT          LONG_MIN        /* a value this system does not give */
#define THREADS_MAX     64              /* --threads's most */

enum metric {
	FORK, FORK_SYSCALL, PARENT_W1, FORK_EXIT, FORK_EXEC,
	CHILD_W1, CHILD_W512, CHILD_WALL, CHILD_WPAGE,
	PARENT_AFTER_WRITES, PARENT_AFTER_WRITES_PAGE,
	PARENT_AFTER_EXIT, PARENT_AFTER_EXIT_PAGE,
	PT_DELTA, PARENT_PTE, PARENT_PTE_SHARED, CHILD_PTE, CHILD_PTE_SHARED,
	TABLES_SHARED, TABLES_COPIED, PTES_COPIED, PAGES_COPIED, TLB_FLUSHES, TLB_IPIS,
	NMETRICS
};

struct mode {
	const char *name;
	int forklab_mode;               /* for PR_SET_FORK_MODE; -1 on Linux */
};

/* The memory forked: map_region() maps and writes it, touch() writes it. */
extern struct region {
	volatile char *base;
	long pages;
} region;

void clock_start(void);
long now_ns(void);
long tsc_ns(uint64_t ticks);
pid_t timed_fork(uint64_t t[2]);
void read_fields(const char *path, const char *const *keys, size_t n, long *out);
const char *failed(const char *what);
const char *reap(pid_t pid);
void touch(long from, long to);
const char *map_region(long mib);
void unmap_region(void);
void clear_samples(void);
void record(enum metric m, long v);
void print_rows(long first, const char *mode);
void print_skipped(long first, const char *mode, const char *why);

/* forkbench.c */
const char *select_mode(long mib, const struct mode *m);

/* threads.c */
void bench_threads(long max_threads, long mib, long reps, long warmup,
		   const struct mode *modes, size_t nmodes);

#endif
