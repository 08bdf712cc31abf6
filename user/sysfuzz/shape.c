/*
 * sysfuzz's descriptor calls (poll, ppoll, select, pselect6, fcntl, dup3) get
 * past their first checks with random words only by luck, so one time in
 * SHAPE_ODDS their arguments are shaped: a pollfd array or fd sets of the
 * right size with hostile entries (closed, negative, junk-topped
 * descriptors; any events), sometimes running off the end of a mapping; a
 * small nfds or a boundary one; a short timeout, a negative or huge one, or
 * none; a signal mask of the right size or not; fcntl's real commands.
 */
#include <fcntl.h>
#include <stdint.h>
#include <sys/syscall.h>
#include "sysfuzz.h"

#define SHAPE_ODDS	2
#define POLLFD_BYTES	8		/* struct pollfd: fd, events, revents */
#define POLL_ENTRIES	(NOFILE + 2)	/* one entry past the limit, and more */
#define OPEN_FD_BITS	0x3f		/* descriptors 0 to 5, all open */
#define SIGSET_BYTES	8
#define TIMING_WORDS	2		/* a timespec or timeval: two longs */
#define NS_PER_SEC	1000000000L

enum { SHAPE_POLLFDS = 1, SHAPE_SETS, SHAPE_TIMING, SHAPE_MASK, SHAPE_MASK_ARG };

static const uint64_t timeouts_ms[] = { 0, 1, 10, (uint64_t)-1, 0x7fffffff, 0x80000000 };
#define F_GETLK_CMD	5		/* Linux's lock and pipe-size commands, */
#define F_SETPIPE_SZ_CMD 1031		/* which forklab refuses */
static const uint64_t fcntl_cmds[] = {
	F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_DUPFD_CLOEXEC, F_GETLK_CMD,
	F_SETPIPE_SZ_CMD, (uint64_t)-1, WIDE + F_GETFD,
};
static const uint64_t dup3_flags[] = { 0, O_CLOEXEC, O_NONBLOCK, (uint64_t)-1, WIDE };

/* One the child has open, one of any number, or a negative one. */
uint64_t hostile_fd(uint64_t *rng)
{
	if (below(rng, 2))
		return open_descriptor(rng);
	return below(rng, 4) ? value(rng, V_FD) : (uint64_t)-below(rng, 3);
}

/* n pollfds, at page(SHAPE_POLLFDS) or ending just past a mapping. */
static uint64_t pollfds(uint64_t *rng, uint64_t n)
{
	uint32_t *p = (uint32_t *)(below(rng, 4) ? page(SHAPE_POLLFDS)
				   : page(EDGE_HOLE) - (n - below(rng, 2)) * POLLFD_BYTES);

	for (uint64_t i = 0; i < n && (char *)(p + 2 * i) < page(EDGE_HOLE); i++) {
		p[2 * i] = (uint32_t)hostile_fd(rng);
		p[2 * i + 1] = (uint32_t)next_random(rng);
	}
	return (uint64_t)p;
}

/* A timespec or timeval: short, zero, negative, past a second in its
 * small part, or huge; or a hostile pointer instead. */
static uint64_t timing(uint64_t *rng)
{
	static const int64_t parts[] = { 0, 1, 999999, 1000000, NS_PER_SEC - 1, NS_PER_SEC, -1, INT64_MAX };
	int64_t *t = (int64_t *)page(SHAPE_TIMING);

	if (!below(rng, 4))
		return below(rng, 2) ? 0 : value(rng, V_UNMAPPED);
	for (int i = 0; i < TIMING_WORDS; i++)
		t[i] = below(rng, 2) ? (int64_t)below(rng, 2) : parts[below(rng, ARRAY_LEN(parts))];
	return (uint64_t)t;
}

static uint64_t sets(uint64_t *rng, int k)
{
	uint64_t *set = (uint64_t *)page(SHAPE_SETS) + k;

	if (!below(rng, 4))
		return below(rng, 2) ? 0 : value(rng, V_READ_ONLY);
	*set = below(rng, 2) ? next_random(rng) & OPEN_FD_BITS : next_random(rng);
	return (uint64_t)set;
}

static uint64_t mask(uint64_t *rng)
{
	uint64_t *m = (uint64_t *)page(SHAPE_MASK);

	*m = next_random(rng);
	return below(rng, 4) ? (uint64_t)m : value(rng, V_UNMAPPED);
}

static uint64_t mask_size(uint64_t *rng)
{
	return below(rng, 4) ? SIGSET_BYTES : value(rng, V_BOUNDARY);
}

static uint64_t small_nfds(uint64_t *rng)
{
	return below(rng, 4) ? below(rng, POLL_ENTRIES) : value(rng, V_BOUNDARY);
}

static void shape_select(uint64_t *rng, uint64_t a[NR_ARGS])
{
	a[0] = small_nfds(rng);
	for (int k = 0; k < 3; k++)
		a[1 + k] = sets(rng, k);
	a[4] = timing(rng);
}

void shape(uint64_t *rng, long nr, uint64_t a[NR_ARGS])
{
	uint64_t *m = (uint64_t *)page(SHAPE_MASK_ARG);

	if (below(rng, SHAPE_ODDS))
		return;
	if (nr == SYS_poll || nr == SYS_ppoll) {
		a[1] = small_nfds(rng);
		a[0] = pollfds(rng, a[1] < POLL_ENTRIES ? a[1] : POLL_ENTRIES);
		a[2] = nr == SYS_poll ? timeouts_ms[below(rng, ARRAY_LEN(timeouts_ms))] : timing(rng);
		a[3] = mask(rng);
		a[4] = mask_size(rng);
	} else if (nr == SYS_select || nr == SYS_pselect6) {
		shape_select(rng, a);
		m[0] = mask(rng), m[1] = mask_size(rng);
		a[5] = below(rng, 4) ? (uint64_t)m : value(rng, V_UNMAPPED);
	} else if (nr == SYS_fcntl) {
		a[0] = hostile_fd(rng);
		a[1] = fcntl_cmds[below(rng, ARRAY_LEN(fcntl_cmds))];
		a[2] = below(rng, 2) ? hostile_fd(rng) : value(rng, V_BOUNDARY);
	} else if (nr == SYS_dup3) {
		a[0] = hostile_fd(rng);
		a[1] = below(rng, 4) ? hostile_fd(rng) : a[0];
		a[2] = dup3_flags[below(rng, ARRAY_LEN(dup3_flags))];
	}
}
