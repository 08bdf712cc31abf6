/*
 * forkbench --threads N: what a fork's TLB shootdown costs (docs/perf.md,
 * "Threads on other CPUs").  The parent maps --size MiB (64) and writes
 * every page, as for the sizes; then, for T = 0, 1, 2, 4 ... N, it starts
 * threads until T run, each writing a page of its own without end and
 * without a system call, so that each holds a CPU whose CR3 names the
 * parent's mm (its cpu_mask, docs/smp.md).  In each mode, after --warmup
 * unrecorded forks, --reps forks whose child exits at once, each reaped
 * before the next:
 *
 *   parent (CPU 0)                 threads (CPUs 1 .. T)
 *   fork():                        write, write, ... through their TLBs
 *     copies or shares the tables
 *     write-protects the parent
 *     IPI to CPUs 1 .. T    ---->  reload CR3; the next write faults
 *     waits for T answers   <----
 *   returns
 *
 * Rows: threads, mode, metric, median, min, unit, reps, note, for fork
 * (the latency the parent sees), fork_syscall (the system call alone) and
 * fork_tlb_ipis (the CPUs the fork's shootdown asked, forklab's
 * ForkTLBShootdownIPIs; copy mode write-protects nothing and asks none).
 * Each thread needs a CPU of its own: with fewer than T + 1, threads share
 * CPUs and fewer are asked.  The threads run until the process exits.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "forkbench.h"

#define THREAD_STACK    (16 * KIB)
#define WORDS_PER_PAGE  (PAGE_SIZE / sizeof(long))
#ifndef CLONE_VM                        /* the host's <sched.h> has them */
#define CLONE_VM        0x00000100
#define CLONE_FS        0x00000200
#define CLONE_FILES     0x00000400
#define CLONE_SIGHAND   0x00000800
#define CLONE_THREAD    0x00010000
#define CLONE_SYSVSEM   0x00040000
#endif
#define THREAD_FLAGS    (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SYSVSEM)

static volatile long pages[THREADS_MAX][WORDS_PER_PAGE] __attribute__((aligned(PAGE_SIZE)));
static char stacks[THREADS_MAX][THREAD_STACK] __attribute__((aligned(PAGE_SIZE)));
static long running;                    /* threads started */

static const char *const ipi_key = "ForkTLBShootdownIPIs";

static _Noreturn void writer(long i)
{
	for (;;)
		pages[i][0]++;
}

/*
 * Starts thread i in writer(i), on stack i.  clone's new thread starts
 * where the system call returns, with the parent's registers but for rsp
 * (its stack) and rax (0), so it finds the function and its argument in
 * r12 and r13, which the system call keeps, and never returns here.
 */
static long clone_writer(long i)
{
	register long arg __asm__("r12") = i;
	register void (*fn)(long) __asm__("r13") = writer;
	long ret;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov %%r12, %%rdi\n\t"
			 "call *%%r13\n"
			 "1:"
			 : "=a"(ret)
			 : "a"((long)SYS_clone), "D"((long)THREAD_FLAGS),
			   "S"(stacks[i] + THREAD_STACK), "d"(0L), "r"(arg), "r"(fn)
			 : "rcx", "r11", "memory");
	return ret;
}

/* Starts threads until n run, each seen writing; NULL, or why not. */
static const char *run_threads(long n)
{
	for (; running < n; running++) {
		long ret = clone_writer(running);

		if (ret < 0) {
			errno = -ret;
			return failed("clone");
		}
		while (!pages[running][0])
			;                       /* until it runs: it holds a CPU */
	}
	return NULL;
}

/* One fork whose child exits at once, timed, its IPIs read, reaped. */
static const char *one_fork(void)
{
	uint64_t ticks[2];
	long t0 = now_ns(), ns, ipis;
	pid_t pid = timed_fork(ticks);

	if (pid == 0)
		_exit(0);
	ns = now_ns() - t0;
	if (pid < 0)
		return failed("fork");
	read_fields("/proc/self/status", &ipi_key, 1, &ipis);
	record(FORK, ns);
	record(FORK_SYSCALL, tsc_ns(ticks[0]));
	record(TLB_IPIS, ipis);
	return reap(pid);
}

static void run_mode(long threads, long mib, long reps, long warmup, const struct mode *m)
{
	const char *why = select_mode(mib, m);

	fflush(stdout);                 /* or each child would inherit the buffer */
	for (long i = 0; !why && i < warmup; i++)
		why = one_fork();
	clear_samples();
	for (long i = 0; !why && i < reps; i++)
		why = one_fork();
	if (why)
		print_skipped(threads, m->name, why);
	else
		print_rows(threads, m->name);
	fflush(stdout);
}

/* 0, 1, 2, 4...: doubling, with max itself the last step. */
static long next_count(long t, long max)
{
	long n = t ? t * 2 : 1;

	return n > max && t < max ? max : n;
}

void bench_threads(long max_threads, long mib, long reps, long warmup,
		   const struct mode *modes, size_t nmodes)
{
	const char *why = map_region(mib);

	for (long t = 0; t <= max_threads; t = next_count(t, max_threads)) {
		if (!why)
			why = run_threads(t);
		for (size_t i = 0; i < nmodes; i++)
			if (why)
				print_skipped(t, modes[i].name, why);
			else
				run_mode(t, mib, reps, warmup, &modes[i]);
	}
	unmap_region();
}
