/*
 * The runner: walks a line's tree.  Every pipeline, subshell or command
 * that is not a builtin runs as a job: one child process per command of
 * the pipeline, all in one process group when the shell does job control
 * (an interactive shell on a terminal), and that group gets the terminal
 * while the shell waits, so that Ctrl-C stops the job and not the shell.
 * setpgid() is called in both the parent and the child so that the group
 * exists whichever runs first.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/wait.h>
#include "sh.h"

#define NEW_FILE_MODE	0666
#define MAX_STAGES	64

int last_status, interactive, job_control;
pid_t shell_pid, shell_pgid, last_bg_pid;

/* The signals an interactive shell ignores: the terminal's keys, and
 * SIGTTOU, which tcsetpgrp() from outside the foreground would raise.  Its
 * children take back the first CHILD_DEFAULTS.  The stop signals stay
 * ignored in them, since the shell cannot resume a stopped job: Ctrl-Z
 * does nothing, as on forklab, which stops no process. */
static const int shell_ignores[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };
#define CHILD_DEFAULTS	2

void ignore_job_signals(sighandler_t how)
{
	size_t n = how == SIG_DFL ? CHILD_DEFAULTS :
		   sizeof(shell_ignores) / sizeof(*shell_ignores);

	for (size_t i = 0; i < n; i++)
		signal(shell_ignores[i], how);
}

static void interrupted(int sig)
{
	(void)sig;
}

/* An interactive shell ignores SIGINT, but Ctrl-C must end a "wait":
 * with on, a SIGINT makes the blocked call fail with EINTR. */
void catch_interrupt(int on)
{
	struct sigaction catch = { .sa_handler = interrupted };
	struct sigaction ignore = { .sa_handler = SIG_IGN };

	if (interactive)
		sigaction(SIGINT, on ? &catch : &ignore, NULL);
}

int exit_code(int status)
{
	return WIFSIGNALED(status) ? SIGNAL_BASE + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Applies one redirection; returns 0, or -1 after saying why not. */
static int redirect(struct redir *r)
{
	int keep, f;
	char *name = expand(r->word, &keep), *end;

	if (!name)
		return -1;
	if (r->flags == REDIR_DUP) {
		f = strtol(name, &end, 10);
		if (end == name || *end || dup2(f, r->fd) < 0) {
			fprintf(stderr, "sh: %s: bad file descriptor\n", name);
			free(name);
			return -1;
		}
	} else if ((f = open(name, r->flags, NEW_FILE_MODE)) < 0 ||
		   (f != r->fd && (dup2(f, r->fd) < 0 || close(f) < 0))) {
		fprintf(stderr, "sh: %s: %s\n", name, strerror(errno));
		free(name);
		return -1;
	}
	free(name);
	return 0;
}

/* Expands n's words into argv (at most n->nwords, NULL after them).
 * Returns their number, or -1 after reporting an error. */
static int expand_words(struct node *n, char **argv)
{
	int argc = 0, keep;

	for (int i = 0; i < n->nwords; i++) {
		char *w = expand(n->words[i], &keep);

		if (!w) {
			while (argc)
				free(argv[--argc]);
			return -1;
		}
		if (keep)
			argv[argc++] = w;
		else
			free(w);
	}
	argv[argc] = NULL;
	return argc;
}

static void free_words(char **argv)
{
	for (int i = 0; argv[i]; i++)
		free(argv[i]);
}

/* How many of argv's first words are NAME=value assignments. */
static int assignments(char **argv)
{
	int n = 0;

	while (argv[n] && argv[n][0] != '=' && strchr(argv[n], '=') &&
	       var_is_name(argv[n], strcspn(argv[n], "=")))
		n++;
	return n;
}

/* Leading assignments are for the command after them alone (the child
 * exports them), or for the shell when no command follows. */
static int assign(char **argv, int n, int exported)
{
	for (int i = 0; i < n; i++)
		if (var_assign(argv[i], exported) < 0) {
			fprintf(stderr, "sh: out of memory\n");
			return EXIT_FAILURE;
		}
	return EXIT_SUCCESS;
}

/* In a child: runs the command n and never returns. */
static _Noreturn void exec_command(struct node *n)
{
	char *argv[n->nwords + 1];
	int argc = expand_words(n, argv), skip;

	for (struct redir *r = n->redirs; r; r = r->next)
		if (redirect(r) < 0)
			_exit(EXIT_FAILURE);
	if (argc < 0)
		_exit(EXIT_FAILURE);
	skip = assignments(argv);
	if (assign(argv, skip, 1) || skip == argc)
		_exit(skip == argc ? EXIT_SUCCESS : EXIT_FAILURE);
	if (is_builtin(argv[skip]))
		exit(builtin(argc - skip, argv + skip));
	environ = vars_environ();
	execvp(argv[skip], argv + skip);
	if (errno == ENOENT) {
		fprintf(stderr, "sh: %s: not found\n", argv[skip]);
		_exit(STATUS_NOTFOUND);
	}
	fprintf(stderr, "sh: %s: %s\n", argv[skip], strerror(errno));
	_exit(STATUS_NOEXEC);
}

/* In a child: no job control of its own; the signals back as the shell
 * found them.  A subshell then runs its list. */
static _Noreturn void exec_stage(struct node *n)
{
	if (job_control)
		ignore_job_signals(SIG_DFL);
	interactive = job_control = 0;
	if (n->kind == N_CMD)
		exec_command(n);
	for (struct redir *r = n->redirs; r; r = r->next)
		if (redirect(r) < 0)
			_exit(EXIT_FAILURE);
	exit(run(n->left));
}

/* Puts pid in group *pgid (its own, making *pgid pid, if *pgid is 0); the
 * parent's half of setpgid's race. */
static void join_group(pid_t pid, pid_t *pgid)
{
	if (!job_control)
		return;
	if (!*pgid)
		*pgid = pid;
	setpgid(pid, *pgid);
}

/* Forks a child that reads in and writes out (closing unused, the read end
 * of its output pipe) and runs n.  Returns its pid, or -1. */
static pid_t start(struct node *n, int in, int out, int unused, pid_t *pgid,
		   int foreground)
{
	pid_t pid = fork();

	if (pid < 0) {
		perror("sh: fork");
		return -1;
	}
	if (pid > 0) {
		join_group(pid, pgid);
		return pid;
	}
	join_group(getpid(), pgid);
	if (job_control && foreground)
		tcsetpgrp(STDIN_FILENO, *pgid);
	if (unused != STDIN_FILENO)
		close(unused);
	if (in != STDIN_FILENO && (dup2(in, STDIN_FILENO) < 0 || close(in) < 0))
		_exit(EXIT_FAILURE);
	if (out != STDOUT_FILENO && (dup2(out, STDOUT_FILENO) < 0 || close(out) < 0))
		_exit(EXIT_FAILURE);
	exec_stage(n);
}

/* Starts each command of the pipeline n, each reading the pipe from the
 * one before.  Returns how many started (their pids in pids). */
static int start_pipeline(struct node *n, pid_t *pids, pid_t *pgid)
{
	int in = STDIN_FILENO, count = 0;

	for (;;) {
		struct node *stage = n->kind == N_PIPE ? n->left : n;
		int fds[2] = { STDIN_FILENO, STDOUT_FILENO };	/* no pipe */

		if (n->kind == N_PIPE && (count == MAX_STAGES - 1 || pipe(fds) < 0)) {
			fprintf(stderr, "sh: cannot make a pipe\n");
			break;
		}
		pids[count] = start(stage, in, fds[1], fds[0], pgid, 1);
		if (pids[count] > 0)
			count++;
		if (in != STDIN_FILENO)
			close(in);
		if (fds[1] != STDOUT_FILENO)
			close(fds[1]);
		in = fds[0];
		if (n->kind != N_PIPE)
			break;
		n = n->right;
	}
	if (in != STDIN_FILENO)
		close(in);
	return count;
}

/* Runs n as a foreground job; returns the status of its last command. */
static int run_job(struct node *n)
{
	pid_t pids[MAX_STAGES], pgid = 0;
	int count = start_pipeline(n, pids, &pgid), status = EXIT_FAILURE, s;

	if (job_control && pgid)
		tcsetpgrp(STDIN_FILENO, pgid);
	for (int i = 0; i < count; i++) {
		pid_t r;

		while ((r = waitpid(pids[i], &s, 0)) < 0 && errno == EINTR)
			;
		if (r > 0)
			status = exit_code(s);
	}
	if (job_control) {
		tcsetpgrp(STDIN_FILENO, shell_pgid);
		if (status == SIGNAL_BASE + SIGINT)
			fputc('\n', stderr);
	}
	return status;
}

/* Whether the redirections r touch only standard input, output and error. */
static int standard_only(struct redir *r)
{
	for (; r; r = r->next)
		if (r->fd > STDERR_FILENO ||
		    (r->flags == REDIR_DUP && atoi(r->word) > STDERR_FILENO))
			return 0;
	return 1;
}

/* Runs builtin argv in the shell with n's redirections, the standard
 * descriptors saved before and put back after. */
static int redirected_builtin(struct node *n, int argc, char **argv)
{
	int saved[STDERR_FILENO + 1], status = EXIT_FAILURE, ok = 1;

	fflush(stdout);
	for (int fd = 0; fd <= STDERR_FILENO; fd++)
		saved[fd] = dup(fd);
	for (struct redir *r = n->redirs; ok && r; r = r->next)
		ok = redirect(r) == 0;
	if (ok)
		status = builtin(argc, argv);
	for (int fd = 0; fd <= STDERR_FILENO; fd++) {
		if (saved[fd] < 0) {
			close(fd);
			continue;
		}
		dup2(saved[fd], fd);
		close(saved[fd]);
	}
	return status;
}

/* A builtin runs in the shell itself (so "cd" changes the shell's
 * directory), unless it redirects a descriptor above 2 (the shell's saved
 * copies of 0-2 might be among them) or is part of a pipeline: then it runs
 * in a child.  So does a line of assignments only, without redirections.
 * Returns -1 if n is neither. */
static int run_in_shell(struct node *n)
{
	char *argv[n->nwords + 1];
	int argc, status = -1;

	if (!standard_only(n->redirs))
		return -1;
	if ((argc = expand_words(n, argv)) < 0)
		return EXIT_FAILURE;
	if (argc && is_builtin(argv[0]))
		status = redirected_builtin(n, argc, argv);
	else if (!n->redirs && assignments(argv) == argc)
		status = assign(argv, argc, 0);
	free_words(argv);
	return status;
}

/* Starts n in the background: a child, in its own group, that runs it. */
static int run_background(struct node *n)
{
	pid_t pgid = 0, pid = start(n->left->kind == N_CMD ? n->left : n, STDIN_FILENO,
				    STDOUT_FILENO, STDIN_FILENO, &pgid, 0);

	if (pid < 0)
		return EXIT_FAILURE;
	last_bg_pid = pid;
	job_add(pid, n->text);
	return EXIT_SUCCESS;
}

/* Runs the tree n; returns its status, which "$?" then gives. */
int run(struct node *n)
{
	int status;

	switch (n->kind) {
	case N_SEQ:
		run(n->left);
		return run(n->right);
	case N_AND:
	case N_OR:
		status = run(n->left);
		if ((status == 0) == (n->kind == N_AND))
			status = run(n->right);
		return status;
	case N_BG:
		status = run_background(n);
		break;
	case N_CMD:
		status = run_in_shell(n);
		if (status < 0)
			status = run_job(n);
		break;
	default:
		status = run_job(n);
		break;
	}
	return last_status = status;
}
