/*
 * sh: a small shell.  Runs "sh -c LINE", the lines of "sh FILE", or those
 * it reads from standard input, with a prompt.  A line is a list of
 * pipelines joined by ';', '&', '&&' and '||'; "( )" runs a list in a
 * subshell; '<', '>', '>>', "N>" and "N>&M" redirect; '...' and "..."
 * quote; "$?", "$$", "$!", "$NAME" and "${NAME}" expand.  The builtins are
 * cd, pwd, exit, export, wait and jobs.  A command name without a '/' is
 * looked up in $PATH (default /bin).
 *
 * On a terminal the shell is interactive: lines are edited (edit.c), and
 * each job gets the terminal while it runs (run.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "sh.h"

#define PROMPT		"$ "

static int run_line(const char *line)
{
	struct tree t;

	if (parse(line, &t) < 0)
		last_status = STATUS_SYNTAX;
	else if (t.root)
		run(t.root);
	tree_free(t.all);
	fflush(stdout);
	return last_status;
}

/* Reads a line from fd one byte at a time, so that the commands we start
 * find the rest of the input still unread.  Returns the line's length
 * (more than fits, if too long), or -1 at the end of input. */
static long read_line(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;
	char c;

	while ((r = read(fd, &c, 1)) == 1 && c != '\n') {
		if (n + 1 < size)
			buf[n] = c;
		n++;
	}
	buf[n + 1 < size ? n : size - 1] = '\0';
	return r != 1 && n == 0 ? -1 : (long)n;
}

/* An interactive shell leads its own process group, owns the terminal
 * between jobs, and ignores the signals the terminal sends its jobs. */
static void start_interactive(void)
{
	interactive = job_control = 1;
	ignore_job_signals(SIG_IGN);
	setpgid(0, 0);
	shell_pgid = getpgrp();
	tcsetpgrp(STDIN_FILENO, shell_pgid);
}

/* An interactive shell reports the jobs that ended before each prompt;
 * others keep them for "wait", as POSIX asks. */
static long next_line(int fd, char *line)
{
	if (interactive) {
		jobs_reap();
		return edit_line(PROMPT, line, MAX_LINE);
	}
	if (fd == STDIN_FILENO)
		fputs(PROMPT, stderr);
	return read_line(fd, line, MAX_LINE);
}

static void loop(int fd)
{
	char line[MAX_LINE];
	long n;

	while ((n = next_line(fd, line)) >= 0) {
		if (n >= MAX_LINE) {
			fprintf(stderr, "sh: line too long\n");
			last_status = STATUS_SYNTAX;
			continue;
		}
		if (interactive)
			edit_history_add(line);
		run_line(line);
	}
}

int main(int argc, char **argv, char **envp)
{
	int fd = STDIN_FILENO;

	shell_pid = getpid();
	vars_import(envp);
	if (argc == 3 && !strcmp(argv[1], "-c"))
		return run_line(argv[2]);
	if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
		fprintf(stderr, "usage: sh [-c LINE | FILE]\n");
		return STATUS_SYNTAX;
	}
	if (argc == 2 && (fd = open(argv[1], O_RDONLY)) < 0) {
		fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
		return STATUS_NOTFOUND;
	}
	if (argc == 1 && edit_start())
		start_interactive();
	loop(fd);
	return last_status;
}
