/*
 * What forkbench measures with (forkbench.h): the clocks, fork timed by
 * the TSC around its system call, the fields of /proc's files, the region
 * of memory forked, and the samples of each metric, printed as CSV rows of
 * their median and minimum: first column (a size, or a number of threads),
 * mode, metric, median, min, unit, repetitions, note.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "forkbench.h"

#define TSC_FRAC_BITS   20              /* tsc_ns()'s fixed point: a run of hours fits */

static const struct {
	const char *name, *unit;
} metrics[NMETRICS] = {
	[FORK] = { "fork", "ns" },
	[FORK_SYSCALL] = { "fork_syscall", "ns" },
	[PARENT_W1] = { "parent_write_1", "ns" },
	[FORK_EXIT] = { "fork_exit_wait", "ns" },
	[FORK_EXEC] = { "fork_exec_wait", "ns" },
	[CHILD_W1] = { "child_write_1", "ns" },
	[CHILD_W512] = { "child_write_512", "ns" },
	[CHILD_WALL] = { "child_write_all", "ns" },
	[CHILD_WPAGE] = { "child_write_all_per_page", "ns" },
	[PARENT_AFTER_WRITES] = { "parent_write_all_after_child_wrote", "ns" },
	[PARENT_AFTER_WRITES_PAGE] = { "parent_write_all_after_child_wrote_per_page", "ns" },
	[PARENT_AFTER_EXIT] = { "parent_write_all_after_child_exit", "ns" },
	[PARENT_AFTER_EXIT_PAGE] = { "parent_write_all_after_child_exit_per_page", "ns" },
	[PT_DELTA] = { "pagetables_delta", "bytes" },
	[PARENT_PTE] = { "parent_vmpte", "bytes" },
	[PARENT_PTE_SHARED] = { "parent_vmpte_shared", "bytes" },
	[CHILD_PTE] = { "child_vmpte", "bytes" },
	[CHILD_PTE_SHARED] = { "child_vmpte_shared", "bytes" },
	[TABLES_SHARED] = { "fork_tables_shared", "count" },
	[TABLES_COPIED] = { "fork_tables_copied", "count" },
	[PTES_COPIED] = { "fork_ptes_copied", "count" },
	[PAGES_COPIED] = { "fork_pages_copied", "count" },
	[TLB_FLUSHES] = { "fork_tlb_flushes", "count" },
	[TLB_IPIS] = { "fork_tlb_ipis", "count" },
};

struct region region;

/* The time stamp counter and the clock at the start, which convert TSC
 * ticks to ns (tsc_ns()). */
static struct {
	uint64_t tsc;
	long ns;
} start;

static long samples[NMETRICS][MAX_REPS];
static int nsamples[NMETRICS];

long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* TSC ticks in ns, by the ratio of the clock to the TSC since the start
 * (exact where the clock is the TSC, as in forklab and under icount), in
 * fixed point: 64-bit products only, as our libc has no 128-bit division. */
long tsc_ns(uint64_t ticks)
{
	uint64_t ns_per_tick = ((uint64_t)(now_ns() - start.ns) << TSC_FRAC_BITS) /
			       (rdtsc() - start.tsc);

	return (long)((ticks * ns_per_tick) >> TSC_FRAC_BITS);
}

/*
 * fork by its system call, with the TSC read in registers just before and
 * after the syscall instruction and after one byte written to the stack:
 * nothing is written to memory in between, so the first span is the
 * system call alone and the second the parent's first write after it (in
 * odf and hodf it breaks the tables its stack shares).  Ticks in t[0] (the
 * call) and t[1] (the write).
 */
pid_t timed_fork(uint64_t t[2])
{
	uint64_t before, after, wrote;
	long ret;
	char probe;

	__asm__ volatile("rdtsc; shl $32, %%rdx; or %%rdx, %%rax; mov %%rax, %[b]\n\t"
			 "mov %[nr], %%eax; syscall; mov %%rax, %[ret]\n\t"
			 "rdtsc; shl $32, %%rdx; or %%rdx, %%rax; mov %%rax, %[a]\n\t"
			 "movb $0, %[probe]\n\t"
			 "rdtsc; shl $32, %%rdx; or %%rdx, %%rax; mov %%rax, %[w]"
			 : [b] "=&r"(before), [a] "=&r"(after), [w] "=&r"(wrote),
			   [ret] "=&r"(ret), [probe] "=m"(probe)
			 : [nr] "i"(SYS_fork)
			 : "rax", "rdx", "rcx", "r11", "memory");
	t[0] = after - before;
	t[1] = wrote - after;
	if (ret < 0) {
		errno = -ret;
		return -1;
	}
	return ret;
}

/* The numbers after `keys` in a "Key: value" file, ABSENT where missing. */
void read_fields(const char *path, const char *const *keys, size_t n, long *out)
{
	char line[LINE_LEN];
	FILE *f = fopen(path, "r");

	for (size_t i = 0; i < n; i++)
		out[i] = ABSENT;
	while (f && fgets(line, sizeof(line), f))
		for (size_t i = 0; i < n; i++) {
			size_t len = strlen(keys[i]);

			if (!strncmp(line, keys[i], len) && line[len] == ':')
				out[i] = strtol(line + len + 1, NULL, 10);
		}
	if (f)
		fclose(f);
}

/* Keeps one sample of m; a value this system does not give is left out. */
void record(enum metric m, long v)
{
	if (v != ABSENT && nsamples[m] < MAX_REPS)
		samples[m][nsamples[m]++] = v;
}

/* Writes one byte in each page of [from, to) of the region. */
void touch(long from, long to)
{
	for (long p = from; p < to; p++)
		region.base[p * PAGE_SIZE] = (char)p;
}

/* A note saying that `what` failed, and why, from errno. */
const char *failed(const char *what)
{
	static char note[NOTE_LEN];

	snprintf(note, sizeof(note), "%s failed: %s", what, strerror(errno));
	return note;
}

/* Waits for child pid, which must exit with status 0. */
const char *reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return failed("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return WIFEXITED(status) ? "child exited with an error" : "child was killed";
	return NULL;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

void print_rows(long first, const char *mode)
{
	for (int m = 0; m < NMETRICS; m++) {
		long *v = samples[m];
		int n = nsamples[m];

		if (!n)
			continue;
		qsort(v, n, sizeof(*v), cmp_long);
		printf("%ld,%s,%s,%ld,%ld,%s,%d,\n", first, mode, metrics[m].name,
		       n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2, v[0], metrics[m].unit, n);
	}
}

void print_skipped(long first, const char *mode, const char *why)
{
	printf("%ld,%s,skipped,,,,0,%s\n", first, mode, why);
}

/* len bytes of fresh memory at an address aligned to a table's span, or
 * MAP_FAILED.  Where the kernel's own choice is aligned (forklab's is), it
 * stands; else a span more is mapped and the ends trimmed off. */
static char *map_aligned(size_t len)
{
	int prot = PROT_READ | PROT_WRITE, flags = MAP_PRIVATE | MAP_ANONYMOUS;
	char *p = mmap(NULL, len, prot, flags, -1, 0);
	size_t head;

	if (p == MAP_FAILED || (size_t)p % TABLE_SPAN == 0)
		return p;
	munmap(p, len);
	p = mmap(NULL, len + TABLE_SPAN, prot, flags, -1, 0);
	if (p == MAP_FAILED)
		return p;
	head = (TABLE_SPAN - (size_t)p % TABLE_SPAN) % TABLE_SPAN;
	if (head)
		munmap(p, head);
	munmap(p + head + len, TABLE_SPAN - head);
	return p + head;
}

/* Maps mib MiB aligned to a table's span, so that its first 512 pages are
 * one PTE table, and writes every page; NULL, or why it could not. */
const char *map_region(long mib)
{
	size_t len = (size_t)mib * MIB;
	char *p = map_aligned(len);

	if (p == MAP_FAILED)
		return failed("mmap");
	region.base = p;
	region.pages = len / PAGE_SIZE;
#ifdef MADV_NOHUGEPAGE
	/* Linux would otherwise map 2 MiB pages, and fork would copy no PTEs. */
	madvise(p, len, MADV_NOHUGEPAGE);
#endif
	touch(0, region.pages);
	return NULL;
}

void clock_start(void)
{
	start.tsc = rdtsc();
	start.ns = now_ns();
}

void unmap_region(void)
{
	if (region.base)
		munmap((void *)region.base, region.pages * PAGE_SIZE);
	region.base = NULL;
}

void clear_samples(void)
{
	memset(nsamples, 0, sizeof(nsamples));
}
