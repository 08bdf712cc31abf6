/*
 * forkstress [--seed S] [--ops N] [--tolerant]: random-operation stress of
 * fork and memory, checked against a model, with a digest that only the
 * seed and N decide.
 *
 * A tree of worker processes spends N operations in all, each drawn at
 * random: mmap (private or MAP_SHARED anonymous; small, one 2 MiB PTE
 * table's span aligned, two of them, or across a table boundary),
 * munmap and mprotect (of a whole region, of its part in one aligned 2 MiB
 * span, or of a random run of pages), writes, reads, a read() from a pipe
 * into memory (the kernel's copy to user space must break COW or odf
 * sharing as a write does), fork, exec (of forkstress itself, its state in
 * the arguments), wait, and an early exit.
 *
 * The model.  Each worker keeps, for every page of every region it mapped
 * or inherited, whether it is mapped and writable, and its stamp: the
 * random number of the last write, from which the whole page's contents
 * follow (pages.c).  Every read checks the page against its stamp, and so
 * does every page before a worker exits or execs.  A wrong byte anywhere
 * ends the run with the seed, the worker's path in the tree and its op
 * number; nothing is ever tolerated about contents.
 *
 * The determinism rule.  Everything a worker chooses comes from its own
 * generator (the root's from the seed, a child's from its parent's at the
 * fork) and from its model, never from a pid, an address the kernel chose,
 * timing or the fork mode.  Private memory cannot be touched by others.
 * Shared memory can, so each MAP_SHARED region has one owner at a time,
 * who alone reads and writes it: at a fork the parent lends each region it
 * owns to the child or not (a coin toss); it leaves a lent region alone
 * until it has reaped that child, and a region not lent is foreign to the
 * child, which may only unmap it.  When a region comes back, its pages
 * tell the parent what the child wrote (each page carries its stamp), and
 * the hash of the stamps the child reported must agree.
 *
 * The budget and the digest.  A fork gives the child part of the budget;
 * an early exit, or a child's, hands what is left back to its parent at
 * the wait.  Each worker hashes its ops and what they read into its digest,
 * and folds in its children's digests as it reaps them, oldest first.  The
 * supervisor (the first process) prints the root worker's digest: the same
 * on Linux and on forklab in every fork mode, for the same seed and N.
 *
 * Bounds: at most 8 MiB mapped per worker, 2 live children each, 4 levels
 * below the root: 31 workers, about 250 MiB at the very most.
 *
 * --tolerant, for runs under allocation-failure injection: ENOMEM and
 * EAGAIN from mmap, munmap, mprotect, pipe, fork and exec skip the op (the
 * model stays right), and a worker killed by SIGBUS (no frame for a page
 * fault) is counted; its budget is lost and the digest may differ.
 *
 * Portable: it builds with forklab's libc and with the host's.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "forkstress.h"

#define DEFAULT_SEED    1
#define DEFAULT_OPS     20000
#define FAIL_STATUS     1
#define USAGE_STATUS    2

struct worker w;

enum op {
	OP_WRITE, OP_READ, OP_PIPE_IN, OP_MMAP, OP_MUNMAP, OP_MPROTECT,
	OP_FORK, OP_EXEC, OP_WAIT, OP_EXIT, NOPS
};

/* The mix: each op's function and weight (per thousand). */
static const struct {
	void (*run)(void);
	int weight;
} ops[NOPS] = {
	[OP_WRITE] = { op_write, 320 },
	[OP_READ] = { op_read, 200 },
	[OP_PIPE_IN] = { op_pipe_in, 80 },
	[OP_MMAP] = { op_mmap, 110 },
	[OP_MUNMAP] = { op_munmap, 70 },
	[OP_MPROTECT] = { op_mprotect, 120 },
	[OP_FORK] = { op_fork, 45 },
	[OP_EXEC] = { op_exec, 10 },
	[OP_WAIT] = { op_wait, 35 },
	[OP_EXIT] = { op_exit, 10 },
};
#define WEIGHT_TOTAL    1000

void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "forkstress: FAILED: seed %lu worker %s op %lu: ", (unsigned long)w.seed,
		w.path[0] ? w.path : "supervisor", (unsigned long)w.op);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(FAIL_STATUS);
}

/* A failed call that --tolerant forgives: no memory, or try again. */
void tolerate(const char *what)
{
	if (!w.tolerant || (errno != ENOMEM && errno != EAGAIN))
		die("%s: %s", what, strerror(errno));
	w.c.tolerated++;
}

static void one_op(void)
{
	int roll = rng_below(WEIGHT_TOTAL);
	enum op op = 0;

	while (roll >= ops[op].weight)
		roll -= ops[op++].weight;
	w.budget--;
	w.op++;
	w.c.ops++;
	digest_add(op);
	ops[op].run();
}

/* A worker's life: its ops, then its children, then its report. */
static _Noreturn void work(void)
{
	for (;;) {
		if (w.budget && !w.leaving)
			one_op();
		else if (w.nchildren)
			reap_oldest();
		else
			break;
	}
	report_done();
	exit(EXIT_SUCCESS);
}

static _Noreturn void usage(void)
{
	fprintf(stderr, "usage: forkstress [--seed S] [--ops N] [--tolerant]\n");
	exit(USAGE_STATUS);
}

static uint64_t number(const char *s)
{
	char *end;
	uint64_t v;

	if (!s)
		usage();
	v = strtoull(s, &end, 10);
	if (*end || end == s)
		usage();
	return v;
}

int main(int argc, char **argv)
{
	uint64_t nops = DEFAULT_OPS;

	w.self = argv[0];
	w.seed = DEFAULT_SEED;
	if (argc > 1 && !strcmp(argv[1], "--resume")) {
		resume(argc, argv);
		work();
	}
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seed"))
			w.seed = number(argv[++i]);
		else if (!strcmp(argv[i], "--ops"))
			nops = number(argv[++i]);
		else if (!strcmp(argv[i], "--tolerant"))
			w.tolerant = 1;
		else
			usage();
	}
	supervise(nops);
	work();
}
