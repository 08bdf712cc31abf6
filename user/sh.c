/*
 * sh: a small shell.  Reads command lines from standard input, or runs the
 * one given as "sh -c LINE".  A line is a pipeline of commands joined by
 * '|', each made of words and of '<' and '>' redirections.  Words are split
 * at blanks; '...' and "..." quote blanks and operators (both literally:
 * there are no variables to expand).  A command name without a '/' is
 * looked up in $PATH (default /bin).  The builtin "exit [N]" ends the shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define PROMPT		"$ "
#define BLANKS		" \t"
#define OPERATORS	"|<>"
#define MAX_LINE	4096
#define MAX_ARGS	64
#define MAX_CMDS	16
#define NEW_FILE_MODE	0666

/* Exit statuses, as POSIX shells give them. */
#define STATUS_SYNTAX	2
#define STATUS_NOEXEC	126
#define STATUS_NOTFOUND	127
#define SIGNAL_BASE	128	/* killed by signal N: 128 + N */

enum token { END, WORD, BAD_QUOTE, PIPE = '|', FROM = '<', TO = '>' };

struct cmd {
	char *argv[MAX_ARGS + 1];	/* NULL-terminated */
	int argc;
	char *in, *out;			/* files to redirect to, if any */
};

struct pipeline {
	struct cmd cmds[MAX_CMDS];
	int ncmds;			/* 0 for an empty line */
};

static int last_status;

/* Takes the next token from *s.  A word is copied, without its quotes and
 * with a '\0' after it, to *out, which then points past it: all the words
 * of a line fit in strlen(line) + 1 bytes. */
static enum token next_token(const char **s, char **out)
{
	const char *p = *s + strspn(*s, BLANKS), *close;

	if (!*p)
		return END;
	if (strchr(OPERATORS, *p)) {
		*s = p + 1;
		return *p;
	}
	while (*p && !strchr(BLANKS OPERATORS, *p)) {
		if (*p != '\'' && *p != '"') {
			*(*out)++ = *p++;
			continue;
		}
		close = strchr(p + 1, *p);
		if (!close)
			return BAD_QUOTE;
		memcpy(*out, p + 1, close - p - 1);
		*out += close - p - 1;
		p = close + 1;
	}
	*(*out)++ = '\0';
	*s = p;
	return WORD;
}

static int syntax_error(const char *what)
{
	fprintf(stderr, "sh: %s\n", what);
	return -1;
}

/* Splits line into the commands of pl, their words stored in words.
 * Returns 0, or -1 after reporting an error. */
static int parse(const char *line, struct pipeline *pl, char *words)
{
	struct cmd *c = pl->cmds;
	enum token t;

	memset(pl, 0, sizeof(*pl));
	pl->ncmds = 1;
	for (;;) {
		char *word = words;

		switch (t = next_token(&line, &words)) {
		case WORD:
			if (c->argc == MAX_ARGS)
				return syntax_error("too many arguments");
			c->argv[c->argc++] = word;
			break;
		case FROM:
		case TO:
			word = words;
			if (next_token(&line, &words) != WORD)
				return syntax_error("a redirection needs a file name");
			if (t == FROM)
				c->in = word;
			else
				c->out = word;
			break;
		case PIPE:
			if (!c->argc)
				return syntax_error("empty command in a pipeline");
			if (pl->ncmds == MAX_CMDS)
				return syntax_error("pipeline too long");
			c = &pl->cmds[pl->ncmds++];
			break;
		case BAD_QUOTE:
			return syntax_error("unterminated quote");
		case END:
			if (!c->argc && (pl->ncmds > 1 || c->in || c->out))
				return syntax_error("missing command");
			if (!c->argc)
				pl->ncmds = 0;
			return 0;
		}
	}
}

/* Opens path as file descriptor fd, or ends the child. */
static void redirect(const char *path, int flags, int fd)
{
	int f = open(path, flags, NEW_FILE_MODE);

	if (f < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		_exit(EXIT_FAILURE);
	}
	dup2(f, fd);
	close(f);
}

/* At a terminal, Ctrl-C and Ctrl-\ are for the command running, which
 * shares our process group: we ignore them, and our children do not. */
static int interactive;

/* In a new child: reads from in, writes to out, closes unused (the read
 * end of the next pipe, or STDIN_FILENO for none), and runs c. */
static _Noreturn void child(struct cmd *c, int in, int out, int unused)
{
	if (interactive) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
	}
	if (unused != STDIN_FILENO)
		close(unused);
	if (in != STDIN_FILENO) {
		dup2(in, STDIN_FILENO);
		close(in);
	}
	if (out != STDOUT_FILENO) {
		dup2(out, STDOUT_FILENO);
		close(out);
	}
	if (c->in)
		redirect(c->in, O_RDONLY, STDIN_FILENO);
	if (c->out)
		redirect(c->out, O_WRONLY | O_CREAT | O_TRUNC, STDOUT_FILENO);
	execvp(c->argv[0], c->argv);
	if (errno == ENOENT) {
		fprintf(stderr, "sh: %s: not found\n", c->argv[0]);
		_exit(STATUS_NOTFOUND);
	}
	fprintf(stderr, "sh: %s: %s\n", c->argv[0], strerror(errno));
	_exit(STATUS_NOEXEC);
}

static int exit_code(int status)
{
	return WIFSIGNALED(status) ? SIGNAL_BASE + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Starts every command, each reading the pipe from the one before, then
 * waits for them all.  Returns the status of the last. */
static int run(struct pipeline *pl)
{
	pid_t pids[MAX_CMDS];
	int in = STDIN_FILENO, n, status = EXIT_FAILURE, s;

	for (n = 0; n < pl->ncmds; n++) {
		int fds[2] = { STDIN_FILENO, STDOUT_FILENO };	/* no pipe */

		if (n + 1 < pl->ncmds && pipe(fds) < 0) {
			perror("sh: pipe");
			break;
		}
		pids[n] = fork();
		if (pids[n] == 0)
			child(&pl->cmds[n], in, fds[1], fds[0]);
		if (pids[n] < 0)
			perror("sh: fork");
		if (in != STDIN_FILENO)
			close(in);
		if (fds[1] != STDOUT_FILENO)
			close(fds[1]);
		in = fds[0];
	}
	if (in != STDIN_FILENO)
		close(in);
	for (int i = 0; i < n; i++)
		if (pids[i] > 0 && waitpid(pids[i], &s, 0) > 0 && i == pl->ncmds - 1)
			status = exit_code(s);
	return status;
}

/* "exit [N]", alone on its line, ends the shell. */
static void try_exit(struct pipeline *pl)
{
	struct cmd *c = &pl->cmds[0];

	if (pl->ncmds == 1 && !strcmp(c->argv[0], "exit"))
		exit(c->argc > 1 ? atoi(c->argv[1]) : last_status);
}

static void run_line(const char *line)
{
	struct pipeline pl;
	char *words = malloc(strlen(line) + 1);

	if (!words) {
		perror("sh");
		last_status = EXIT_FAILURE;
		return;
	}
	if (parse(line, &pl, words) < 0) {
		last_status = STATUS_SYNTAX;
	} else if (pl.ncmds) {
		try_exit(&pl);
		last_status = run(&pl);
	}
	free(words);
}

/* Reads a line from standard input one byte at a time, so that the
 * commands we start find the rest of the input still unread.  Returns the
 * line's length (more than fits, if too long), or -1 at the end of input. */
static long read_line(char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;
	char c;

	while ((r = read(STDIN_FILENO, &c, 1)) == 1 && c != '\n') {
		if (n + 1 < size)
			buf[n] = c;
		n++;
	}
	buf[n + 1 < size ? n : size - 1] = '\0';
	return r != 1 && n == 0 ? -1 : (long)n;
}

int main(int argc, char **argv)
{
	char line[MAX_LINE];
	long n;

	if (argc == 3 && !strcmp(argv[1], "-c")) {
		run_line(argv[2]);
		return last_status;
	}
	if (argc != 1) {
		fprintf(stderr, "usage: sh [-c LINE]\n");
		return STATUS_SYNTAX;
	}
	if (isatty(STDIN_FILENO)) {
		interactive = 1;
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	}
	for (;;) {
		fputs(PROMPT, stderr);
		n = read_line(line, sizeof(line));
		if (n < 0)
			break;
		if (n >= MAX_LINE) {
			fprintf(stderr, "sh: line too long\n");
			last_status = STATUS_SYNTAX;
		} else {
			run_line(line);
		}
	}
	return last_status;
}
