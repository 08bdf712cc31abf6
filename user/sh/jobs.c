/*
 * Background jobs: each is one child (a command, or a subshell running a
 * longer list), numbered from 1 by the first free slot, as "[1]".  An
 * interactive shell announces a job's start and, before its next prompt,
 * its end.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "sh.h"

#define MAX_JOBS	32

struct job {
	pid_t pid;		/* 0: a free slot */
	char *text;
};

static struct job jobs[MAX_JOBS];

int job_add(pid_t pid, const char *text)
{
	for (int i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].pid)
			continue;
		jobs[i].pid = pid;
		jobs[i].text = strdup(text);
		if (interactive)
			fprintf(stderr, "[%d] %d\n", i + 1, pid);
		return i + 1;
	}
	fprintf(stderr, "sh: too many jobs: %d runs unlisted\n", pid);
	return -1;
}

static void job_free(struct job *j)
{
	free(j->text);
	j->pid = 0;
	j->text = NULL;
}

/* Whether job j ended (waiting for it if wait, until Ctrl-C in an
 * interactive shell); *status its exit code. */
static int job_ended(struct job *j, int wait, int *status)
{
	int s;
	pid_t r;

	while ((r = waitpid(j->pid, &s, wait ? 0 : WNOHANG)) < 0 && errno == EINTR)
		if (interactive)
			return 0;
	if (r == 0)
		return 0;
	*status = r > 0 ? exit_code(s) : STATUS_NOTFOUND;
	return 1;
}

static void report(struct job *j, const char *state)
{
	printf("[%d]  %-8s%s\n", (int)(j - jobs) + 1, state, j->text ? j->text : "");
}

void jobs_reap(void)
{
	int status;

	for (struct job *j = jobs; j < jobs + MAX_JOBS; j++) {
		if (!j->pid || !job_ended(j, 0, &status))
			continue;
		if (interactive) {
			fflush(stdout);
			report(j, "Done");
		}
		job_free(j);
	}
}

void jobs_list(void)
{
	int status;

	for (struct job *j = jobs; j < jobs + MAX_JOBS; j++) {
		if (!j->pid)
			continue;
		if (job_ended(j, 0, &status)) {
			report(j, "Done");
			job_free(j);
		} else {
			report(j, "Running");
		}
	}
}

/* "%N" names job N, a number the job of that pid. */
static struct job *find(const char *which)
{
	char *end;
	long n = strtol(which + (*which == '%'), &end, 10);

	if (end == which || *end || n <= 0)
		return NULL;
	if (*which == '%')
		return n <= MAX_JOBS && jobs[n - 1].pid ? &jobs[n - 1] : NULL;
	for (struct job *j = jobs; j < jobs + MAX_JOBS; j++)
		if (j->pid == n)
			return j;
	return NULL;
}

/* Waits for the job which names, or every job if which is NULL.  Returns
 * the job's exit code (0 for every job), STATUS_NOTFOUND for no such job,
 * or the status of a SIGINT if Ctrl-C ended the wait. */
int jobs_wait(const char *which)
{
	struct job *j = which ? find(which) : NULL;
	int status = EXIT_SUCCESS;

	if (which && !j) {
		fprintf(stderr, "sh: wait: %s: no such job\n", which);
		return STATUS_NOTFOUND;
	}
	catch_interrupt(1);
	for (struct job *k = jobs; k < jobs + MAX_JOBS; k++) {
		if (!k->pid || (j && k != j))
			continue;
		if (!job_ended(k, 1, &status)) {
			fputc('\n', stderr);	/* after the terminal's "^C" */
			status = SIGNAL_BASE + SIGINT;
			break;
		}
		job_free(k);
	}
	catch_interrupt(0);
	return j || status == SIGNAL_BASE + SIGINT ? status : EXIT_SUCCESS;
}
