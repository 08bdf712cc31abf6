/*
 * forkstress's first process, the supervisor: it starts the root worker
 * with the budget, waits for its report and prints the result line.
 *
 * Under --tolerant a worker may be killed for want of a frame, and the
 * root worker most of all, since it lives longest: then the budget is run
 * in rounds of ROUND_OPS, each by a root worker of its own, so that one
 * death costs one round, not the run.  The supervisor itself must not
 * die: under --tolerant it forks in copy mode where there is one
 * (forklab), since after a cow or odf fork its next write to a page would
 * have to copy it, and that copy may find no frame.  The root worker goes
 * back to the mode the supervisor was given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <forklab.h>
#include "forkstress.h"

#define ROUND_OPS       500
#define START_TRIES     100     /* pipe and fork, under allocation failures */
#define NO_MODE         (-1)    /* Linux has no fork modes */

static long given_mode = NO_MODE;

static void copy_at_fork(void)
{
	given_mode = prctl(PR_GET_FORK_MODE, 0, 0, 0, 0);
	if (given_mode != NO_MODE)
		prctl(PR_SET_FORK_MODE, FORK_MODE_COPY, 0, 0, 0);
}

/* The pipe and the fork of a root worker; under allocation failures
 * (--tolerant) they are tried again. */
static pid_t start_root(int fds[2])
{
	for (int i = 0; i < START_TRIES; i++) {
		pid_t pid;

		if (pipe(fds) < 0) {
			tolerate("pipe");
			continue;
		}
		fflush(stdout);
		if ((pid = fork()) >= 0)
			return pid;
		tolerate("fork");
		close(fds[0]);
		close(fds[1]);
	}
	die("could not start the root worker");
}

static void become_root(int fds[2], uint64_t ops, uint64_t round)
{
	close(fds[0]);
	if (given_mode != NO_MODE)
		prctl(PR_SET_FORK_MODE, given_mode, 0, 0, 0);
	w.report_fd = fds[1];
	strcpy(w.path, "0");
	w.rng = mix64(w.seed ^ mix64(round));
	w.digest = mix64(w.seed ^ ops);
	w.budget = ops;
	w.c = (struct counts){ .processes = 1 };
}

/* Runs one root worker with `ops` of the budget and adds its counts and
 * digest to the supervisor's; returns 0, or 1 in the root worker. */
static int run_root(uint64_t ops, uint64_t round)
{
	struct record recs[MAX_RECORDS];
	struct child ch = { .serial = 0 };
	int fds[2], status, n;

	ch.pid = start_root(fds);
	if (ch.pid == 0) {
		become_root(fds, ops, round);
		return 1;
	}
	close(fds[1]);
	ch.fd = fds[0];
	n = collect(&ch, recs, &status);
	if (killed_tolerably(status)) {
		w.c.killed++;
		return 0;
	}
	check_exit(&ch, status, n ? &recs[n - 1] : NULL);
	add_counts(&w.c, &recs[n - 1].c);
	w.digest = round ? mix64(w.digest ^ recs[n - 1].value) : recs[n - 1].value;
	return 0;
}

static _Noreturn void print_result(uint64_t ops)
{
	const struct counts *c = &w.c;

	if (!w.tolerant && c->ops != ops)
		die("the workers did %lu ops, not %lu", (unsigned long)c->ops, (unsigned long)ops);
	printf("forkstress: seed %lu ops %lu digest %016lx processes %lu forks %lu execs %lu "
	       "verified %lu tolerated %lu killed %lu\n", (unsigned long)w.seed,
	       (unsigned long)c->ops, (unsigned long)w.digest, (unsigned long)c->processes,
	       (unsigned long)c->forks, (unsigned long)c->execs, (unsigned long)c->verified,
	       (unsigned long)c->tolerated, (unsigned long)c->killed);
	exit(EXIT_SUCCESS);
}

/* Returns only in a root worker. */
void supervise(uint64_t ops)
{
	uint64_t round_ops = w.tolerant ? ROUND_OPS : ops;

	printf("forkstress: seed %lu ops %lu%s: starting\n", (unsigned long)w.seed,
	       (unsigned long)ops, w.tolerant ? " (tolerant)" : "");
	if (w.tolerant)
		copy_at_fork();
	for (uint64_t done = 0, round = 0; done < ops; done += round_ops, round++)
		if (run_root(ops - done < round_ops ? ops - done : round_ops, round))
			return;
	print_result(ops);
}
