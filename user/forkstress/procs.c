/*
 * forkstress's processes: fork (with a share of the budget and of the
 * shared regions), exec of itself (the state rides in the arguments), wait,
 * early exit, and the reports that carry a child's digest, counts, unspent
 * budget and shared regions back to its parent through a pipe.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "forkstress.h"

#define MIN_FORK_BUDGET 16      /* ops left, for a fork to be worth it */
#define SHARE_FIXED     8       /* a child gets 1/SHARE_FIXED of the budget */
#define SHARE_RANDOM    2       /* and up to 1/SHARE_RANDOM more */
#define FIELD_LEN       24      /* a uint64_t in hex, and its NUL */
#define EVENT_EXEC      0xe8ec
#define EVENT_KILLED    0xdead

extern char **environ;

/* The worker state that exec carries over, in argument order. */
static uint64_t *const resume_fields[] = {
	&w.seed, &w.tolerant, &w.rng, &w.budget, &w.depth, &w.op, &w.digest,
	&w.next_id, &w.next_serial, &w.report_fd,
	&w.c.ops, &w.c.processes, &w.c.forks, &w.c.execs, &w.c.verified,
	&w.c.tolerated, &w.c.killed,
};
#define NFIELDS         (sizeof(resume_fields) / sizeof(resume_fields[0]))
#define RESUME_ARGC     (3 + NFIELDS)   /* self, --resume, path, fields */

static void send(const struct record *rec)
{
	const char *p = (const char *)rec;
	size_t done = 0;

	while (done < sizeof(*rec)) {
		ssize_t n = write(w.report_fd, p + done, sizeof(*rec) - done);

		if (n <= 0) {
			if (w.tolerant)
				return;         /* the parent was killed */
			die("report to the parent: %s", strerror(errno));
		}
		done += n;
	}
}

void report_region(struct region *r)
{
	struct record rec = { .kind = REC_REGION, .id = r->id, .value = stamps_hash(r) };

	if (r->owner != MINE)
		rec.kind = REC_LOST;
	send(&rec);
	r->inherited = 0;
}

static void report_inherited(void)
{
	for (struct region *r = regions; r < regions + MAX_REGIONS; r++)
		if (r->used && r->inherited)
			report_region(r);
}

/* The end of a worker: everything checked and reported. */
void report_done(void)
{
	struct record rec = { .kind = REC_DONE, .value = w.digest, .budget = w.budget, .c = w.c };

	verify_all();
	report_inherited();
	send(&rec);
}

/* In a new child: its own pipe, generator, budget and path; the shared
 * regions lent to it are its own, the others belong to someone else. */
static void become_child(int fds[2], uint64_t serial, uint64_t budget, uint64_t rng,
			 uint64_t lend)
{
	char parent[PATH_LEN];

	close(fds[0]);
	for (int i = 0; i < w.nchildren; i++)
		close(w.children[i].fd);
	close(w.report_fd);
	w.nchildren = 0;
	w.report_fd = fds[1];
	strcpy(parent, w.path);
	snprintf(w.path, sizeof(w.path), "%s.%lu", parent, (unsigned long)serial);
	w.depth++;
	w.rng = rng;
	w.budget = budget;
	w.op = w.next_serial = 0;
	w.digest = mix64(rng);
	w.c = (struct counts){ .processes = 1 };
	for (int i = 0; i < MAX_REGIONS; i++) {
		struct region *r = &regions[i];

		r->inherited = r->used && r->shared && r->owner == MINE && (lend >> i & 1);
		if (r->used && r->shared && !r->inherited)
			r->owner = FOREIGN;
	}
}

/* In the parent, after a fork: the child's share of the budget and the
 * shared regions lent to it are its until it is reaped. */
static void add_child(pid_t pid, int fd, uint64_t serial, uint64_t budget, uint64_t lend)
{
	w.children[w.nchildren++] = (struct child){ .pid = pid, .fd = fd, .serial = serial };
	w.budget -= budget;
	w.c.forks++;
	for (int i = 0; i < MAX_REGIONS; i++) {
		struct region *r = &regions[i];

		if (r->used && r->shared && r->owner == MINE && (lend >> i & 1)) {
			r->owner = LENT;
			r->lent_to = serial;
		}
	}
}

void op_fork(void)
{
	uint64_t budget, rng, lend, serial;
	int fds[2];
	pid_t pid;

	if (w.depth >= MAX_DEPTH || w.nchildren >= MAX_CHILDREN || w.budget < MIN_FORK_BUDGET)
		return;
	budget = w.budget / SHARE_FIXED + rng_below(w.budget / SHARE_RANDOM);
	rng = rng_next();
	lend = rng_next();
	serial = w.next_serial++;
	digest_add(serial << 32 | budget);
	if (pipe(fds) < 0) {
		tolerate("pipe");
		return;
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		become_child(fds, serial, budget, rng, lend);
	else if (pid < 0)
		tolerate("fork");
	else
		add_child(pid, fds[0], serial, budget, lend);
	if (pid != 0)
		close(fds[1]);
	if (pid < 0)
		close(fds[0]);
}

/* The child's path in the tree; the supervisor's one child is the root. */
static const char *child_path(const struct child *ch)
{
	static char path[PATH_LEN + FIELD_LEN];

	if (!w.path[0])
		return "0";
	snprintf(path, sizeof(path), "%s.%lu", w.path, (unsigned long)ch->serial);
	return path;
}

/* Reads a child's records until it closes the pipe, then waits for it;
 * returns how many records came. */
int collect(struct child *ch, struct record *recs, int *status)
{
	int n = 0;
	size_t got = 0;
	ssize_t k;

	while (n < MAX_RECORDS &&
	       (k = read(ch->fd, (char *)&recs[n] + got, sizeof(*recs) - got)) > 0) {
		got += k;
		if (got == sizeof(*recs)) {
			n++;
			got = 0;
		}
	}
	close(ch->fd);
	if (waitpid(ch->pid, status, 0) != ch->pid)
		die("waitpid: %s", strerror(errno));
	return n;
}

static const struct record *find_record(const struct record *recs, int n, uint32_t id)
{
	for (int i = 0; i < n; i++)
		if (recs[i].kind != REC_DONE && recs[i].id == id)
			return &recs[i];
	return NULL;
}

/* The shared regions lent to the child come back, checked; or, if the
 * child was killed (--tolerant), they are nobody's to trust. */
static void take_back(const struct child *ch, const struct record *recs, int n, int killed)
{
	for (struct region *r = regions; r < regions + MAX_REGIONS; r++) {
		const struct record *rec;

		if (!r->used || r->owner != LENT || r->lent_to != ch->serial)
			continue;
		rec = killed ? NULL : find_record(recs, n, r->id);
		if (!killed && !rec)
			die("worker %s did not report shared region %u", child_path(ch), r->id);
		if (killed || rec->kind == REC_LOST)
			r->owner = FOREIGN;
		else
			reclaim_region(r, rec->value);
	}
}

void add_counts(struct counts *to, const struct counts *from)
{
	to->ops += from->ops;
	to->processes += from->processes;
	to->forks += from->forks;
	to->execs += from->execs;
	to->verified += from->verified;
	to->tolerated += from->tolerated;
	to->killed += from->killed;
}

/* Did the child die of a failed allocation (SIGBUS), and may it? */
int killed_tolerably(int status)
{
	return w.tolerant && WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS;
}

void check_exit(const struct child *ch, int status, const struct record *done)
{
	if (WIFSIGNALED(status))
		die("worker %s was killed by signal %d", child_path(ch), WTERMSIG(status));
	if (WEXITSTATUS(status))
		die("worker %s failed (status %d)", child_path(ch), WEXITSTATUS(status));
	if (!done || done->kind != REC_DONE)
		die("worker %s exited without its report", child_path(ch));
}

/* Children are reaped oldest first, so their digests combine in an order
 * fixed by the seed. */
void reap_oldest(void)
{
	struct record recs[MAX_RECORDS];
	struct child ch = w.children[0];
	int n, status;

	memmove(w.children, w.children + 1, --w.nchildren * sizeof(ch));
	n = collect(&ch, recs, &status);
	if (killed_tolerably(status)) {
		w.c.killed++;
		take_back(&ch, recs, n, 1);
		digest_add(EVENT_KILLED);
		return;
	}
	check_exit(&ch, status, n ? &recs[n - 1] : NULL);
	take_back(&ch, recs, n, 0);
	w.budget += recs[n - 1].budget;
	add_counts(&w.c, &recs[n - 1].c);
	digest_add(ch.serial << 32 ^ recs[n - 1].value);
}

void op_wait(void)
{
	if (w.nchildren)
		reap_oldest();
}

void op_exit(void)
{
	if (w.depth > 0)
		w.leaving = 1;
}

/* Exec runs this program again from the top; it finds its state in the
 * arguments.  Only without children: their pids and pipes stay here. */
void op_exec(void)
{
	static char fields[NFIELDS][FIELD_LEN];
	char *argv[RESUME_ARGC + 1];

	if (w.nchildren)
		return;
	verify_all();
	report_inherited();
	w.c.execs++;
	digest_add(EVENT_EXEC);
	argv[0] = (char *)w.self;
	argv[1] = "--resume";
	argv[2] = w.path;
	for (size_t i = 0; i < NFIELDS; i++) {
		snprintf(fields[i], FIELD_LEN, "%lx", (unsigned long)*resume_fields[i]);
		argv[3 + i] = fields[i];
	}
	argv[RESUME_ARGC] = NULL;
	fflush(stdout);
	execve(w.self, argv, environ);
	tolerate("execve");
	drop_all_regions();     /* as if the exec had happened */
}

void resume(int argc, char **argv)
{
	if (argc != RESUME_ARGC || strlen(argv[2]) >= PATH_LEN)
		die("--resume: expected %d arguments", (int)RESUME_ARGC);
	strcpy(w.path, argv[2]);
	for (size_t i = 0; i < NFIELDS; i++)
		*resume_fields[i] = strtoull(argv[3 + i], NULL, 16);
}
