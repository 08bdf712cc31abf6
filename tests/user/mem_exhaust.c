/*
 * Running out of memory, all of it.  A child maps memory and writes every
 * page, chunk after chunk, until there is no frame left; then, as forklab
 * documents (docs/DESIGN.md, "Bad access"), the fault that finds no frame
 * kills it with SIGBUS, or mmap fails with ENOMEM and it exits.  Shared
 * memory gets its frames at mmap time, so there mmap itself runs out.
 * Nothing else may die, and once the child is gone the system must work
 * as before: a new child maps and writes memory, and MemFree is back
 * where it started.
 *
 * The test forks in copy mode, so that none of its own pages is shared
 * with the child: while memory is gone, a write of ours to a shared page
 * would need a frame, and we would die instead of the child.
 *
 * forklab only: on Linux, the OOM killer would pick its victim among all
 * of the host's processes.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include "odf.h"

#define FORKLAB		"forklab"
#define CHUNK		(16UL << 20)	/* mapped and written at a time */
#define RECOVERY_BYTES	(16UL << 20)	/* what a later child must get */
#define RAN_OUT		3	/* exit status: mmap said ENOMEM */
#define SEED		0x5a

/* Maps chunks with `flags` and writes each page, until mmap fails. */
static int eat(void *flags)
{
	for (;;) {
		char *p = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE,
			       *(int *)flags | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			return errno == ENOMEM ? RAN_OUT : TEST_FAIL;
		for (size_t off = 0; off < CHUNK; off += PAGE_SIZE)
			p[off] = 1;
	}
}

static int ran_out(int status)
{
	return (WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS) ||
	       (WIFEXITED(status) && WEXITSTATUS(status) == RAN_OUT);
}

static int map_and_check(void *unused)
{
	unsigned char *p = mmap(NULL, RECOVERY_BYTES, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	(void)unused;
	if (p == MAP_FAILED)
		return TEST_FAIL;
	fill_pattern(p, RECOVERY_BYTES, SEED);
	return holds_pattern(p, RECOVERY_BYTES, SEED) ? TEST_PASS : TEST_FAIL;
}

static void exhaust(int flags, const char *what)
{
	long free_kb = memfree_kb();
	int status = run_in_child(eat, &flags);

	if (!ran_out(status)) {
		fprintf(stderr, "mem_exhaust: eating %s memory: ", what);
		describe_status(stderr, status);
		fprintf(stderr, "\n");
	}
	CHECK(ran_out(status));
	CHECK_EXITED(run_in_child(map_and_check, NULL), TEST_PASS);
	CHECK_EQ(memfree_kb(), free_kb);
}

int main(void)
{
	struct utsname u;

	CHECK_EQ(uname(&u), 0);
	if (strcmp(u.sysname, FORKLAB) != 0) {
		printf("mem_exhaust: skipped on %s: it would wake the OOM "
		       "killer\n", u.sysname);
		return test_result();
	}
	CHECK_EQ(prctl(PR_SET_FORK_MODE, (unsigned long)FORK_MODE_COPY, 0UL,
		       0UL, 0UL), 0);
	exhaust(MAP_PRIVATE, "private");
	exhaust(MAP_SHARED, "shared");
	return test_result();
}
