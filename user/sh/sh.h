/*
 * sh: the shell's parts.  A line is read (edit.c on a terminal), split into
 * tokens (lex.c), parsed into a tree of nodes (parse.c), and run (run.c);
 * each word is expanded just before it is used (expand.c), so that "$?"
 * sees the status of the command before it on the same line.
 */
#ifndef SH_H
#define SH_H

#include <signal.h>
#include <sys/types.h>

#define MAX_LINE	4096

/* Exit statuses, as POSIX shells give them. */
#define STATUS_SYNTAX	2
#define STATUS_NOEXEC	126
#define STATUS_NOTFOUND	127
#define SIGNAL_BASE	128	/* killed by signal N: 128 + N */

enum token {
	T_END, T_WORD, T_SEMI, T_AMP, T_AND, T_OR, T_PIPE, T_LPAREN, T_RPAREN,
	T_REDIR, T_BAD_QUOTE
};

/* A redirection: fd opened on a file with open()'s flags, or, with
 * REDIR_DUP, made a copy of another descriptor (">&", "<&"). */
#define REDIR_DUP	(-1)

struct redir {
	int fd;
	int flags;
	char *word;		/* file name or descriptor number, unexpanded */
	struct redir *next;
};

struct lexer {
	const char *p;		/* what is left of the line */
	const char *start;	/* where the current token began */
	enum token tok;
	char *word;		/* T_WORD: its text, quotes kept */
	int redir_fd, redir_flags;	/* T_REDIR */
};

void lex_next(struct lexer *lx);

/*
 * The tree: N_SEQ runs left then right ("a; b"), N_BG starts left in the
 * background, N_AND and N_OR run right only if left succeeded or failed,
 * N_PIPE joins left's output to right's input, N_SUB runs left in a
 * subshell, N_CMD is a simple command.
 */
enum node_kind { N_CMD, N_SUB, N_PIPE, N_AND, N_OR, N_SEQ, N_BG };

struct node {
	enum node_kind kind;
	struct node *left, *right;
	char **words;		/* N_CMD: NULL-terminated, unexpanded */
	int nwords;
	struct redir *redirs;	/* N_CMD and N_SUB */
	char *text;		/* N_BG: the command as typed, for "jobs" */
	struct node *next;	/* every node of a line, to free them */
};

struct tree {
	struct node *root;
	struct node *all;	/* every node, root or not */
};

int parse(const char *line, struct tree *t);
void tree_free(struct node *all);

char *expand(const char *word, int *keep);

const char *var_get(const char *name);
int var_set(const char *name, const char *value, int exported);
int var_assign(const char *word, int exported);
int var_is_name(const char *s, size_t n);
void vars_import(char **env);
char **vars_environ(void);

int run(struct node *n);
void ignore_job_signals(sighandler_t how);
void catch_interrupt(int on);
int exit_code(int status);
extern int last_status, interactive, job_control;
extern pid_t shell_pid, shell_pgid, last_bg_pid;

int job_add(pid_t pid, const char *text);
void jobs_reap(void);
int jobs_wait(const char *which);
void jobs_list(void);

int is_builtin(const char *name);
int builtin(int argc, char **argv);

int edit_start(void);
long edit_line(const char *prompt, char *buf, size_t size);
void edit_history_add(const char *line);

#endif
