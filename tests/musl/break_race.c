/*
 * The break race (docs/odf.md, "The odf steps on several CPUs"): the
 * processes that share page tables write them at the same moment, from
 * different CPUs, round after round, in every fork mode.
 *
 * The parent has THREADS threads (the main one included) and a region of
 * NTABLES whole PTE tables, each mapping one page per writer, a slot:
 *
 *   region: table 0            table 1            ...
 *           [s0 s1 s2 s3 s4 s5][s0 s1 s2 s3 s4 s5]
 *            parent's   children's slots
 *            threads'
 *
 * A round: the main thread forks CHILDREN children, and every writer (the
 * parent's threads, each child) waits at a barrier in shared memory, then
 * writes the round's tag into its slot of every table, table 0 first: in
 * odf and hodf each process breaks the same shared tables as the others
 * (in hodf the pmd and pud tables above them too), copying or reusing,
 * at once.  A child then reads every slot, and exits while the parent's
 * threads may still be breaking; the parent reads every slot once its
 * children are gone.  Each must see its own writes and, in every other
 * slot, what the slot held at the fork: nothing of the others' writes.
 * The children's start-up writes to the stack meanwhile break the tables
 * the main thread is sharing with its next child.
 *
 * The barrier's shared page lies in a pgd entry of its own, far from the
 * region, so that hodf may share the region's upper tables.  The test
 * runs ROUNDS rounds in each fork mode, chosen with prctl (on a system
 * without them, once with its own fork).  With mm_check=1 every fork and
 * exit is checked; the harness wants no frame leaked at the end.
 */
#include <errno.h>
#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <forklab.h>
#include <abi/futex.h>

#define THREADS         3               /* the parent's writers, main included */
#define CHILDREN        3
#define WRITERS         (THREADS + CHILDREN)
#define NTABLES         8
#define TABLE_SPAN      (2UL << 20)     /* what one PTE table maps */
#define PAGE            4096UL
#define PAGE_WORDS      (PAGE / sizeof(long))
#define ROUNDS          25              /* per fork mode, unless argv[1] says */
#define SYNC_ADDR       0x400000000000UL /* pgd entry 128: nothing else there */
#define INIT_TAG        0x5eed00L
#define NOT_STARTED     (-1)            /* sync.round before the first round */
#define STOP            (-2)

/* Futex words: a waiter sleeps rather than spin, which would keep the
 * CPUs (and under QEMU the host) from the writers. */
struct sync {
	int round;                      /* the round the parent's threads run */
	int arrived;                    /* writers at this round's barrier */
	int parent_done;                /* the parent's threads that wrote */
};

static struct sync *sync_page;
static volatile long *region;
static long prev_tag[WRITERS];          /* each slot's tag at the last fork */

/* Sleeps while *word is below `until` (and, for the round, not STOP). */
static void wait_below(int *word, int until)
{
	int now;

	while ((now = __atomic_load_n(word, __ATOMIC_ACQUIRE)) < until && now != STOP)
		syscall(SYS_futex, word, FUTEX_WAIT, now, NULL);
}

static void set_and_wake(int *word, int value)
{
	__atomic_store_n(word, value, __ATOMIC_RELEASE);
	syscall(SYS_futex, word, FUTEX_WAKE, WRITERS, NULL);
}

static void add_and_wake(int *word)
{
	__atomic_add_fetch(word, 1, __ATOMIC_ACQ_REL);
	syscall(SYS_futex, word, FUTEX_WAKE, WRITERS, NULL);
}

static long tag(long round, int slot)
{
	return (round + 1) << 8 | slot;
}

static volatile long *slot_page(int table, int slot)
{
	return region + (table * TABLE_SPAN + slot * PAGE) / sizeof(long);
}

static void barrier(void)
{
	add_and_wake(&sync_page->arrived);
	wait_below(&sync_page->arrived, WRITERS);
}

static void write_slot(int slot, long value)
{
	for (int t = 0; t < NTABLES; t++) {
		slot_page(t, slot)[0] = value;
		slot_page(t, slot)[PAGE_WORDS - 1] = value;
	}
}

/* Do slots [lo, hi) hold this round's tags, and every other slot what it
 * held at the fork?  Prints the first that does not. */
static int slots_right(const char *who, long round, int lo, int hi)
{
	for (int t = 0; t < NTABLES; t++)
		for (int s = 0; s < WRITERS; s++) {
			long want = s >= lo && s < hi ? tag(round, s) : prev_tag[s];
			volatile long *p = slot_page(t, s);

			if (p[0] != want || p[PAGE_WORDS - 1] != want) {
				fprintf(stderr, "break_race: %s: round %ld: table %d slot %d holds "
					"%#lx/%#lx, not %#lx\n", who, round, t, s, p[0],
					p[PAGE_WORDS - 1], want);
				return 0;
			}
		}
	return 1;
}

static void *parent_writer(void *arg)
{
	int slot = (int)(long)arg;

	for (int round = 0;; round++) {
		wait_below(&sync_page->round, round);
		if (__atomic_load_n(&sync_page->round, __ATOMIC_ACQUIRE) == STOP)
			return NULL;
		barrier();
		write_slot(slot, tag(round, slot));
		add_and_wake(&sync_page->parent_done);
	}
}

static void child(long round, int slot)
{
	barrier();
	write_slot(slot, tag(round, slot));
	_exit(slots_right("child", round, slot, slot + 1) ? 0 : 1);
}

/* One round; returns the number of failures (children and parent). */
static int run_round(long round)
{
	int fails = 0, status;
	pid_t pids[CHILDREN];

	sync_page->arrived = 0;
	sync_page->parent_done = 0;
	set_and_wake(&sync_page->round, round);
	for (int c = 0; c < CHILDREN; c++) {
		pids[c] = fork();
		if (pids[c] == 0)
			child(round, THREADS + c);
		if (pids[c] < 0) {
			perror("break_race: fork");
			exit(1);
		}
	}
	barrier();
	write_slot(0, tag(round, 0));
	add_and_wake(&sync_page->parent_done);
	wait_below(&sync_page->parent_done, THREADS);
	for (int c = 0; c < CHILDREN; c++)
		if (waitpid(pids[c], &status, 0) != pids[c] || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			fails++;
	fails += !slots_right("parent", round, 0, THREADS);
	for (int s = 0; s < THREADS; s++)
		prev_tag[s] = tag(round, s);
	return fails;
}

/* The breaks the rounds made, from /proc/forkstat (forklab's only): the
 * odf and hodf lines, each prefixed. */
static void print_breaks(void)
{
	FILE *f = fopen("/proc/forkstat", "r");
	char line[LINE_MAX];

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "odf_", 4) || !strncmp(line, "hodf_", 5))
			printf("break_race: %s", line);
	fclose(f);
}

int main(int argc, char **argv)
{
	static const struct { unsigned long mode; const char *name; } modes[] = {
		{ FORK_MODE_COPY, "copy" }, { FORK_MODE_COW, "cow" },
		{ FORK_MODE_ODF, "odf" }, { FORK_MODE_HODF, "hodf" },
	};
	long rounds = argc > 1 ? atol(argv[1]) : ROUNDS, round = 0;
	char *raw = mmap(NULL, (NTABLES + 1) * TABLE_SPAN, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pthread_t th[THREADS];
	int fails = 0;

	sync_page = mmap((void *)SYNC_ADDR, PAGE, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (raw == MAP_FAILED || sync_page == MAP_FAILED) {
		perror("break_race: mmap");
		return 1;
	}
	region = (volatile long *)(((unsigned long)raw + TABLE_SPAN - 1) & ~(TABLE_SPAN - 1));
	for (int s = 0; s < WRITERS; s++) {
		prev_tag[s] = INIT_TAG + s;
		write_slot(s, prev_tag[s]);
	}
	sync_page->round = NOT_STARTED;
	for (long t = 1; t < THREADS; t++)
		pthread_create(&th[t], NULL, parent_writer, (void *)t);
	for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
		const char *name = modes[m].name;
		int mode_fails = 0;

		if (prctl(PR_SET_FORK_MODE, modes[m].mode, 0UL, 0UL, 0UL) != 0) {
			if (errno != EINVAL || m > 0) {
				perror("break_race: prctl");
				return 1;
			}
			name = "no fork modes here, the system's fork";
			m = sizeof(modes) / sizeof(modes[0]) - 1;
		}
		for (long r = 0; r < rounds; r++, round++)
			mode_fails += run_round(round);
		printf("break_race: %s: %ld rounds, %d failed\n", name, rounds,
		       mode_fails);
		fails += mode_fails;
	}
	set_and_wake(&sync_page->round, STOP);
	print_breaks();
	for (long t = 1; t < THREADS; t++)
		pthread_join(th[t], NULL);
	return fails != 0;
}
