/*
 * sysfuzz [--seed S] [--calls N] [--per-child K] [--deadline-ms D]
 *         [--child C] [--verbose]
 *
 * A system call fuzzer, for forklab only: never run it on a host, where
 * random system calls made as root would damage the machine.
 *
 * It makes N system calls with random numbers (every number up to a bit
 * past the last Linux one, some far out of range, the implemented ones
 * more often) and arguments picked to be hostile: kernel, non-canonical,
 * NULL and low addresses; unmapped, read-only and PROT_NONE user pages;
 * buffers that run off the end of a mapping; huge lengths; bad, closed
 * and negative descriptors; misaligned pointers; and small valid values,
 * so that calls also get past their first check.
 *
 * The CPU state a call is made in is varied too, as a program may leave
 * it: one call in FLAG_ODDS is made with some of DF (std), AC, NT and TF
 * (popfq) set, and as often, instead of a call, a byte at such an address
 * is read or written with them set, so that the kernel also meets them in
 * the page-fault path.  TF set makes the child die of SIGTRAP after the
 * call, which is correct and counted.  One call in RETURN_ODDS goes back
 * to an odd place: it is made with rsp pointing anywhere (kernel,
 * non-canonical, unmapped), or from a syscall instruction in the last two
 * bytes of user space, which returns to the first non-canonical address
 * (if the kernel lets us map that page at all).  Boundary values include
 * 2^32 + n, addresses and lengths that together end at the top of user
 * space, and /proc paths with leading zeros or out-of-range pids.  The
 * descriptor calls' arguments are sometimes shaped (shape.c), and about a
 * third of the calls are file-system calls with arguments shaped for them
 * (files.c): names in /tmp that collide, hostile paths, descriptors the
 * child has open, offsets near 2^63, and fills of /tmp up to ENOSPC.
 * odd.c makes the calls in odd CPU states.
 *
 * The calls are made in forked children, K each, so that a call that
 * ends its caller (exit, a fault, a signal, execve) or blocks it for
 * ever (a pipe, nanosleep) ends only that child.  forklab delivers no
 * signal to a handler, so the parent keeps each child's deadline itself:
 * it polls waitpid(WNOHANG) between short sleeps, then sends SIGKILL.
 * Child C's call numbers and kinds of argument depend only on S and C, so
 * one child can be rerun alone with --child C --verbose to see its calls;
 * the values earlier calls returned (addresses, descriptors, pids), which
 * some arguments reuse, may differ in the rerun.
 *
 * The children start in /tmp, which must be empty, and the parent
 * empties it after each one, so that every child meets the same /tmp and
 * the frames files held come back before the count at the end.
 *
 * The kernel's survival is the test: the harness boots with mm_check=1
 * and reads the console for panics, failed checks and lost frames.  We
 * print one line at the end and exit 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <forklab.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "sysfuzz.h"

#define DEFAULT_SEED		1
#define DEFAULT_CALLS		10000
#define DEFAULT_PER_CHILD	50
#define DEFAULT_DEADLINE_MS	1000
#define POLL_NS			10000000L	/* the timer's resolution */

#define NR_LINUX		335	/* a little past Linux's last number */
#define NR_FAR			1024	/* out of range numbers go up to here */
#define VERBOSE_FD		(NOFILE - 1)	/* the console, with --verbose */
#define SIGNAL_ARGS		2	/* a signalling call's pid arguments */

#define KERNEL_DMAP		0xffff800000000000UL	/* direct map of RAM */
#define KERNEL_IMAGE		0xffffffff80000000UL	/* kernel text, data */
#define KERNEL_LAST_PAGE	0xfffffffffffff000UL
#define KERNEL_SPAN		(1UL << 30)	/* how far past a base we aim */
#define LOW_SPAN		0x10000UL	/* "low" addresses: below 64 KiB */
#define STRADDLE_SPAN		64	/* bytes before a mapping's end */
#define HUGE_MIN_SHIFT		20	/* huge lengths: 1 MiB up to 2^63 */
#define HUGE_SHIFTS		44
#define VA_BITS			48	/* non-canonical: anywhere in 2^47..2^48 */
#define FD_JUNK_ODDS		4	/* one descriptor in 4 has upper bits */
#define PERCENT_IMPLEMENTED	60	/* of numbers: from the kernel's table */
#define PERCENT_IN_RANGE	35	/* any number up to NR_LINUX */
#define TOP_PAGES		4	/* addresses this close to USER_TOP ... */
#define TOP_ODDS		2	/* ... get a length ending there, 1 in 2 */
#define FLAG_ODDS		16	/* calls with flags set; as many touches */
#define RETURN_ODDS		64	/* calls that return to an odd place */

static char *arena;

/* Paths: programs that end or block by themselves (never one that forks
 * or runs a fuzzer), files, directories and names that do not resolve. */
static const char *const paths[] = {
	"/bin/true", "/bin/false", "/bin/echo", "/bin/cat", "/bin/sleep",
	"/", "/bin", "/proc", "/proc/meminfo", "/proc/2/status",
	"/proc/faults", "/proc/self", "/proc/self/maps", "/proc/1/cmdline",
	"/proc/1/stat", "/proc/self/", "/tests/exec_args.noelf",
	"/nonexistent", "", "bin/true", "/bin/true/", "//bin//true",
	"/bin/../bin/true", "/proc/01/status", "/proc/0000000001/status",
	"/proc/4294967297/status", "/proc/-1/status", "/proc/+1/status",
	"/proc/1a/status", "/proc/18446744073709551617/status",
};
#define NR_STATIC_PATHS	ARRAY_LEN(paths)
#define NR_PATHS	(NR_STATIC_PATHS + 1)	/* and /proc/00<our pid>/status */
#define PID_PATH	"/proc/00%d/status"

/* Arrays built in the strings page: argument vectors and iovecs. */
enum { VEC_ARGS, VEC_BAD_STRING, VEC_KERNEL, VEC_IOV, NR_VECS };
#define VEC_WORDS	8
#define VEC_BASE	(PAGE_SIZE / 2)		/* strings below, arrays above */

static const long implemented[] = {
	0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 22, 24,
	32, 33, 35, 36, 37, 38, 39, 56, 57, 58, 59, 60, 61, 62, 63, 79, 89, 109,
	110, 111, 112, 121, 124, 127, 128, 130, 131, 157, 158, 186, 200, 202,
	217, 218, 228, 231, 234, 247, 257, 262, 267, 293, 318,
	7, 23, 72, 270, 271, 292,
};
#define NR_IMPLEMENTED	ARRAY_LEN(implemented)

/* Calls that end the caller at once: made one time in RARE_ODDS they are
 * picked, so that a child usually gets through most of its calls. */
static const long rare[] = { SYS_execve, NR_EXIT, SYS_exit_group };
#define RARE_ODDS	8

/*
 * What the fuzzer never does, because it would end the experiment for
 * every process rather than for the caller:
 *  - reboot powers the machine off;
 *  - a signal sent to the fuzzer or to a process made before it (init,
 *    the shell that started it, which would end the run), or to a group
 *    that holds them: pid 0 is the caller's group, which holds the
 *    parent, -1 is every process, -pid a whole group.  Those pids are all
 *    at most the fuzzer's own, for pids only grow in a boot; it is the
 *    grandparent, not the parent, of a child's children.  Such a signal
 *    is sent to the caller itself instead, which only ends it.
 * kill, tkill, tgkill, rt_sigqueueinfo and rt_tgsigqueueinfo all name
 * their target in the first arguments (tgkill and rt_tgsigqueueinfo in
 * two); forklab has no queueing calls, but a call added later stays covered.
 */
static const long signalling[] = {
	SYS_kill, NR_TKILL, SYS_tgkill, NR_RT_SIGQUEUEINFO, NR_RT_TGSIGQUEUEINFO,
};

/* Values at the edges, and values some calls mean something by: fork
 * modes, prctl options, mmap flags, arch_prctl codes (0x1002, 0x1003),
 * and reboot's magic numbers, harmless to everything else. */
static const uint64_t boundaries[] = {
	0, 1, 2, 0x7f, 0xff, 0xfff, 0x1000, 0x1001, 0x7fffffff, 0x80000000,
	0xffffffff, 0x100000000, 0x100000001, 0x100000002, 0x1ffffffff,
	0x7fffffffffffffff, 0x8000000000000000,
	(uint64_t)-1, (uint64_t)-2, (uint64_t)-4096, (uint64_t)-4097,
	0x00007ffffffff000, 0x00007fffffffffff, PR_SET_FORK_MODE,
	PR_GET_FORK_MODE, PR_INSPECT, PR_SET_NAME, PR_GET_NAME, FORK_MODE_COPY, FORK_MODE_COW,
	FORK_MODE_ODF, MAP_PRIVATE | MAP_ANONYMOUS, MAP_SHARED | MAP_ANONYMOUS,
	MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, PROT_READ | PROT_WRITE,
	PROT_READ | PROT_EXEC, PROT_NONE, 0xfee1dead, 672274793, 0x1002, 0x1003,
};
#define NR_BOUNDARIES	ARRAY_LEN(boundaries)

static const uint64_t kernel_bases[] = {
	KERNEL_DMAP, KERNEL_IMAGE, KERNEL_LAST_PAGE,
};

struct options {
	uint64_t seed;
	long calls, per_child, deadline_ms, only_child;
	int verbose;
};

char *page(int n)
{
	return arena + n * PAGE_SIZE;
}

static uint64_t *vector(int v)
{
	return (uint64_t *)(page(STR_PAGE) + VEC_BASE) + v * VEC_WORDS;
}

/* The strings page: each path at a fixed offset, then the arrays. */
static char *path_at(unsigned i)
{
	char *s = page(STR_PAGE);

	while (i--)
		s += strlen(s) + 1;
	return s;
}

static void fill_strings(void)
{
	char *s = page(STR_PAGE);
	uint64_t *v;

	for (unsigned i = 0; i < NR_STATIC_PATHS; i++) {
		strcpy(s, paths[i]);
		s += strlen(s) + 1;
	}
	sprintf(s, PID_PATH, getpid());
	v = vector(VEC_ARGS);
	v[0] = (uint64_t)path_at(0), v[1] = (uint64_t)path_at(2), v[2] = 0;
	v = vector(VEC_BAD_STRING);
	v[0] = (uint64_t)path_at(0), v[1] = (uint64_t)page(HOLE_PAGE), v[2] = 0;
	v = vector(VEC_KERNEL);
	v[0] = KERNEL_IMAGE, v[1] = 0;
	v = vector(VEC_IOV);                    /* { base, len } pairs */
	v[0] = (uint64_t)page(0), v[1] = PAGE_SIZE;
	v[2] = KERNEL_DMAP, v[3] = PAGE_SIZE;
	v[4] = (uint64_t)page(HOLE_PAGE), v[5] = 1;
	v[6] = (uint64_t)page(0), v[7] = (uint64_t)-1;
	memset(page(LONG_PAGE), 'a', PAGE_SIZE);
}

/* Maps the arena; returns 0, or -1 with errno set. */
static int map_arena(void)
{
	char *a = mmap(NULL, ARENA_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (a == MAP_FAILED)
		return -1;
	arena = a;
	fill_strings();
	fill_file_pages();
	if (mprotect(page(STR_PAGE), 2 * PAGE_SIZE, PROT_READ) < 0 ||
	    mprotect(page(NONE_PAGE), PAGE_SIZE, PROT_NONE) < 0 ||
	    mprotect(page(PATH_EDGE), PAGE_SIZE, PROT_READ) < 0 ||
	    munmap(page(HOLE_PAGE), PAGE_SIZE) < 0 ||
	    munmap(page(EDGE_HOLE), PAGE_SIZE) < 0 ||
	    munmap(page(PATH_HOLE), PAGE_SIZE) < 0)
		return -1;
	return 0;
}

/*
 * What earlier calls returned: mmap's and brk's addresses, descriptors,
 * pids.  Handed back, sometimes a few pages on, they reach memory and
 * objects the arena does not, such as a mapping an earlier call made.
 */
#define RESULTS		16
#define RESULT_PAGES	4	/* how far past a result a value may land */
#define MAX_ERRNO	4095	/* results above -MAX_ERRNO are errors */

static uint64_t results[RESULTS];
static unsigned nresults;

static void remember(long ret)
{
	if (ret > 0 || ret < -MAX_ERRNO)
		results[nresults++ % RESULTS] = ret;
}

static uint64_t recalled(uint64_t *rng)
{
	unsigned n = nresults < RESULTS ? nresults : RESULTS;

	if (n == 0)
		return below(rng, SMALL_SPAN);
	return results[below(rng, n)] + below(rng, RESULT_PAGES) * PAGE_SIZE;
}

static uint64_t address_value(uint64_t *rng, int kind)
{
	switch (kind) {
	case V_BUFFER:
		return (uint64_t)page(0) +
		       (below(rng, RW_PAGES * PAGE_SIZE) & ~(sizeof(uint64_t) - 1));
	case V_MISALIGNED:
		return ((uint64_t)page(0) + below(rng, RW_PAGES * PAGE_SIZE)) | 1;
	case V_READ_ONLY:
		return (uint64_t)page(STR_PAGE) + below(rng, 2 * PAGE_SIZE);
	case V_PROT_NONE:
		return (uint64_t)page(NONE_PAGE) + below(rng, PAGE_SIZE);
	case V_UNMAPPED:
		return (uint64_t)page(HOLE_PAGE) + below(rng, PAGE_SIZE);
	case V_STRADDLE:
		return (uint64_t)page(EDGE_HOLE) - 1 - below(rng, STRADDLE_SPAN);
	case V_PATH:
		return (uint64_t)path_at(below(rng, NR_PATHS));
	case V_VECTOR:
		return (uint64_t)vector(below(rng, NR_VECS));
	default:                                /* V_CODE */
		return (uint64_t)raw_syscall + below(rng, PAGE_SIZE);
	}
}

uint64_t value(uint64_t *rng, int kind)
{
	switch (kind) {
	case V_SMALL:
		return below(rng, SMALL_SPAN);
	case V_BOUNDARY:
		return boundaries[below(rng, NR_BOUNDARIES)];
	case V_FD:                      /* sometimes with junk in the high half */
		return (below(rng, FD_JUNK_ODDS) ? 0 : 1UL << 32) + below(rng, NOFILE + 2);
	case V_LOW:
		return below(rng, LOW_SPAN);
	case V_KERNEL:
		return kernel_bases[below(rng, ARRAY_LEN(kernel_bases))] + below(rng, KERNEL_SPAN);
	case V_NONCANONICAL:
		return NONCANONICAL + (below(rng, 2) ? below(rng, KERNEL_SPAN)
						    : next_random(rng) >> (64 - VA_BITS + 1));
	case V_USER_TOP:
		return below(rng, 2) ? USER_TOP - 1 - below(rng, 2 * PAGE_SIZE)
				     : USER_TOP - PAGE_SIZE * (1 + below(rng, TOP_PAGES));
	case V_WIDE:
		return WIDE + below(rng, SMALL_SPAN);
	case V_HUGE:
		return (1UL << (HUGE_MIN_SHIFT + below(rng, HUGE_SHIFTS))) - below(rng, 2);
	case V_RANDOM:
		return next_random(rng);
	case V_RESULT:
		return recalled(rng);
	default:
		return address_value(rng, kind);
	}
}

/* An address in the last pages of user space, sometimes followed by the
 * length that makes the range end at USER_TOP, or a byte either side. */
static void end_at_top(uint64_t *rng, uint64_t a[NR_ARGS])
{
	for (int k = 0; k + 1 < NR_ARGS; k++)
		if (a[k] < USER_TOP && a[k] >= USER_TOP - TOP_PAGES * PAGE_SIZE &&
		    !below(rng, TOP_ODDS))
			a[k + 1] = USER_TOP - a[k] + below(rng, 3) - 1;
}

static int contains(const long *set, int n, long x)
{
	for (int i = 0; i < n; i++)
		if (set[i] == x)
			return 1;
	return 0;
}

/* A file call (files.c) or else mostly implemented numbers; any number
 * up to NR_LINUX; a few far out. */
static long pick_number(uint64_t *rng)
{
	for (;;) {
		long nr = pick_file_call(rng);
		uint64_t r = below(rng, 100);

		if (nr >= 0)
			return nr;
		if (r < PERCENT_IMPLEMENTED)
			nr = implemented[below(rng, NR_IMPLEMENTED)];
		else if (r < PERCENT_IMPLEMENTED + PERCENT_IN_RANGE)
			nr = below(rng, NR_LINUX + 1);
		else
			nr = below(rng, 2) ? (long)below(rng, NR_FAR) : (long)next_random(rng);
		if (nr == SYS_reboot)
			continue;
		if (contains(rare, ARRAY_LEN(rare), nr) && below(rng, RARE_ODDS))
			continue;
		return nr;
	}
}

static pid_t fuzzer;            /* the pid of the process that runs the children */

/* Would this pid argument, as the kernel reads it (an int), reach the
 * fuzzer, a process older than it, or a group holding them? */
static int forbidden_target(uint64_t arg)
{
	int pid = (int)arg;

	return pid >= -fuzzer && pid <= fuzzer;
}

static void disarm(long nr, uint64_t a[NR_ARGS])
{
	if (!contains(signalling, ARRAY_LEN(signalling), nr))
		return;
	for (int i = 0; i < SIGNAL_ARGS; i++)
		if (forbidden_target(a[i]))
			a[i] = getpid();
}

/* Descriptors 0 to 5, instead of the console: a pipe whose reader we
 * hold (writes fill it, then block), a pipe with no reader (EPIPE), a
 * directory, a /proc file and a program file. */
static void replace_descriptors(void)
{
	int fds[2];

	close(0), close(1), close(2);
	if (pipe(fds) < 0 || pipe(fds) < 0)
		raw_exit(EXIT_FAILURE);
	close(fds[0]);
	open("/", O_RDONLY);
	open("/proc/meminfo", O_RDONLY);
	open("/bin/true", O_RDONLY);
	open_tmp_descriptors();
}

static void show_call(int verbose, long c, long i, long nr, const uint64_t a[NR_ARGS],
		      uint64_t flags, int odd)
{
	if (verbose)
		dprintf(VERBOSE_FD, "sysfuzz: child %ld call %ld: %ld(%#lx, %#lx, "
			"%#lx, %#lx, %#lx, %#lx) rflags |= %#lx%s\n", c, i, nr, a[0],
			a[1], a[2], a[3], a[4], a[5], flags, odd ? ", odd return" : "");
}

/* What the children count in the shared page, even as they die: the calls
 * made (each before it is made) and the fills of /tmp that met ENOSPC. */
enum { MADE, FILLED };

/*
 * A child's life: calls from its own random sequence, each counted in the
 * shared page before it is made.  A new process (fork, vfork, clone
 * return 0 in it) leaves at once: it would repeat its parent's sequence,
 * and processes that fork in turn would fill the machine.
 */
static void fuzz_child(const struct options *o, long c, long calls, volatile long *made)
{
	uint64_t rng = o->seed * CHILD_STREAM ^ (uint64_t)c, a[NR_ARGS];
	pid_t self = getpid();
	long ret;

	replace_descriptors();
	for (long i = 0; i < calls; i++) {
		long nr = pick_number(&rng);
		uint64_t flags = below(&rng, FLAG_ODDS) ? 0 : pick_flags(&rng);
		int odd = !below(&rng, RETURN_ODDS), fill;

		for (int k = 0; k < NR_ARGS; k++)
			a[k] = value(&rng, below(&rng, NR_KINDS));
		end_at_top(&rng, a);
		shape(&rng, nr, a);
		fill = shape_file_call(&rng, nr, a);
		disarm(nr, a);
		if (!below(&rng, FLAG_ODDS))
			touch(&rng, pick_flags(&rng));
		show_call(o->verbose, c, i, nr, a, flags, odd);
		++made[MADE];
		if (fill)
			ret = fill_tmp(a);
		else
			ret = odd ? odd_return(&rng, nr, a) : flagged_syscall(nr, a, flags);
		if (ret == 0 && getpid() != self)
			raw_exit(0);
		remember(ret);
		note_descriptor(nr, ret);
		if (fill && ret == -ENOSPC)
			made[FILLED]++;
	}
	raw_exit(0);
}

enum { EXITED, SIGNALED, TRAPPED, DEADLINE, NR_ENDS };

/* How child pid ended, or DEADLINE if it was still running then. */
static int wait_child(pid_t pid, long deadline_ms)
{
	int status = 0;

	if (wait_deadline(pid, deadline_ms, POLL_NS, 0, &status) < 0)
		return DEADLINE;
	if (WIFSIGNALED(status))
		return WTERMSIG(status) == SIGTRAP ? TRAPPED : SIGNALED;
	return EXITED;
}

/* Runs child c for at most `calls` calls; returns how it ended, and adds
 * the calls it made to *total. */
static int run_child(const struct options *o, long c, long calls,
		     volatile long *made, long *total)
{
	pid_t pid;
	int end, left;

	made[MADE] = 0;
	pid = fork_retrying(POLL_NS);
	if (pid < 0) {
		perror("sysfuzz: fork");
		exit(EXIT_FAILURE);
	}
	if (pid == 0)
		fuzz_child(o, c, calls, made);
	end = wait_child(pid, o->deadline_ms);
	*total += made[MADE] < 0 || made[MADE] > calls ? calls : made[MADE];
	left = clean_tmp();
	if (left)
		printf("sysfuzz: child %ld: %d entries left in " TMP "\n", c, left);
	return end;
}

static void usage(void)
{
	fprintf(stderr, "usage: sysfuzz [--seed S] [--calls N] [--per-child K] "
		"[--deadline-ms D] [--child C] [--verbose]\n");
	exit(EXIT_FAILURE);
}

static void parse(int argc, char **argv, struct options *o)
{
	*o = (struct options){ DEFAULT_SEED, DEFAULT_CALLS, DEFAULT_PER_CHILD,
			       DEFAULT_DEADLINE_MS, -1, 0 };
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seed"))
			o->seed = option_value("sysfuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--calls"))
			o->calls = option_value("sysfuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--per-child"))
			o->per_child = option_value("sysfuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--deadline-ms"))
			o->deadline_ms = option_value("sysfuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--child"))
			o->only_child = option_value("sysfuzz", argc, argv, &i);
		else if (!strcmp(argv[i], "--verbose"))
			o->verbose = 1;
		else
			usage();
	}
	if (o->calls < 1 || o->per_child < 1 || o->deadline_ms < 1)
		usage();
}

/* A page the children count their calls in, even as they die. */
static volatile long *shared_counter(void)
{
	void *p = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

int main(int argc, char **argv)
{
	long ends[NR_ENDS] = { 0 }, total = 0, c = 0;
	volatile long *made;
	struct options o;

	parse(argc, argv, &o);
	fuzzer = getpid();
	if (!tmp_is_empty() || clean_tmp()) {
		fprintf(stderr, "sysfuzz: needs an empty " TMP ", and empties it\n");
		return EXIT_FAILURE;
	}
	made = shared_counter();
	if (!made || map_arena() < 0) {
		perror("sysfuzz: mmap");
		return EXIT_FAILURE;
	}
	top_page_mapped = map_top_page();
	if (o.verbose)
		dup2(STDOUT_FILENO, VERBOSE_FD);
	fflush(stdout);
	if (o.only_child >= 0) {
		ends[run_child(&o, o.only_child, o.per_child, made, &total)]++;
		c = 1;
	}
	for (; o.only_child < 0 && total < o.calls && c < o.calls; c++) {
		long left = o.calls - total;

		ends[run_child(&o, c, left < o.per_child ? left : o.per_child,
			       made, &total)]++;
	}
	printf("sysfuzz: seed %lu: %ld calls in %ld children: %ld exited, %ld "
	       "killed by signal (%ld by SIGTRAP), %ld killed at the deadline; "
	       "top page %s; " TMP " full %ld times\n", o.seed, total, c, ends[EXITED],
	       ends[SIGNALED] + ends[TRAPPED], ends[TRAPPED], ends[DEADLINE],
	       top_page_mapped ? "mapped" : "refused", made[FILLED]);
	return 0;
}
