/*
 * The parser: builds a line's tree, by recursive descent on this grammar
 * ([x] optional, {x} repeated):
 *
 *	list	 = and_or { (";" | "&") and_or } [";" | "&"]
 *	and_or	 = pipeline { ("&&" | "||") pipeline }
 *	pipeline = command { "|" command }
 *	command	 = "(" list ")" { redirection } | { word | redirection }
 *
 * A pipeline leans right: "a | b | c" is PIPE(a, PIPE(b, c)); an and_or
 * leans left, as it runs: "a && b || c" is OR(AND(a, b), c).  An error is reported as "sh: syntax error near 'X'", X being the
 * token not understood.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

#define MAX_WORDS	256

struct parser {
	struct lexer lx;
	struct node *all;	/* every node made, for tree_free() */
	int error;
};

static struct node *list(struct parser *ps);

static void syntax_error(struct parser *ps)
{
	const char *p = ps->lx.start;

	if (ps->error)
		return;
	ps->error = 1;
	if (ps->lx.tok == T_BAD_QUOTE)
		fprintf(stderr, "sh: syntax error: unterminated quote %c\n", *p);
	else if (ps->lx.tok == T_END)
		fprintf(stderr, "sh: syntax error: unexpected end of line\n");
	else
		fprintf(stderr, "sh: syntax error near '%.*s'\n",
			(int)(ps->lx.p - p), p);
}

static struct node *node(struct parser *ps, enum node_kind kind,
			 struct node *left, struct node *right)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n) {
		perror("sh");
		ps->error = 1;
		return NULL;
	}
	n->kind = kind;
	n->left = left;
	n->right = right;
	n->next = ps->all;
	ps->all = n;
	return n;
}

/* The redirection just read, with the word after it, goes first on *list
 * (order does not matter but for "2>&1", which run() applies in order, so
 * the list is reversed at the end of the command). */
static int redirection(struct parser *ps, struct redir **list)
{
	struct redir *r = calloc(1, sizeof(*r));

	if (!r)
		return ps->error = 1, -1;
	r->fd = ps->lx.redir_fd;
	r->flags = ps->lx.redir_flags;
	r->next = *list;
	*list = r;
	lex_next(&ps->lx);
	if (ps->lx.tok != T_WORD) {
		syntax_error(ps);
		return -1;
	}
	r->word = ps->lx.word;
	lex_next(&ps->lx);
	return 0;
}

static struct redir *reverse(struct redir *r)
{
	struct redir *done = NULL, *next;

	for (; r; r = next) {
		next = r->next;
		r->next = done;
		done = r;
	}
	return done;
}

static struct node *subshell(struct parser *ps)
{
	struct node *n = node(ps, N_SUB, NULL, NULL);

	lex_next(&ps->lx);
	if (!n || !(n->left = list(ps)))
		return NULL;
	if (ps->lx.tok != T_RPAREN) {
		syntax_error(ps);
		return NULL;
	}
	lex_next(&ps->lx);
	while (ps->lx.tok == T_REDIR)
		if (redirection(ps, &n->redirs) < 0)
			return NULL;
	n->redirs = reverse(n->redirs);
	return n;
}

static struct node *simple(struct parser *ps)
{
	struct node *n = node(ps, N_CMD, NULL, NULL);

	if (!n || !(n->words = calloc(MAX_WORDS + 1, sizeof(char *))))
		return NULL;
	for (;;) {
		if (ps->lx.tok == T_REDIR) {
			if (redirection(ps, &n->redirs) < 0)
				return NULL;
		} else if (ps->lx.tok == T_WORD && n->nwords < MAX_WORDS) {
			n->words[n->nwords++] = ps->lx.word;
			lex_next(&ps->lx);
		} else {
			break;
		}
	}
	n->redirs = reverse(n->redirs);
	if (ps->lx.tok == T_WORD) {
		fprintf(stderr, "sh: more than %d words in a command\n", MAX_WORDS);
		ps->error = 1;
		return NULL;
	}
	if (!n->nwords && !n->redirs) {
		syntax_error(ps);
		return NULL;
	}
	return n;
}

static struct node *command(struct parser *ps)
{
	return ps->lx.tok == T_LPAREN ? subshell(ps) : simple(ps);
}

static struct node *pipeline(struct parser *ps)
{
	struct node *left = command(ps), *right;

	if (!left || ps->lx.tok != T_PIPE)
		return left;
	lex_next(&ps->lx);
	right = pipeline(ps);
	return right ? node(ps, N_PIPE, left, right) : NULL;
}

static struct node *and_or(struct parser *ps)
{
	struct node *left = pipeline(ps), *right;
	enum token op;

	while (left && ((op = ps->lx.tok) == T_AND || op == T_OR)) {
		lex_next(&ps->lx);
		right = pipeline(ps);
		left = right ? node(ps, op == T_AND ? N_AND : N_OR, left, right) : NULL;
	}
	return left;
}

/* An and_or followed by '&' becomes an N_BG that remembers its text. */
static struct node *background(struct parser *ps, struct node *n,
			       const char *start)
{
	const char *end = ps->lx.start;

	while (end > start && strchr(" \t", end[-1]))
		end--;
	n = node(ps, N_BG, n, NULL);
	if (n && !(n->text = strndup(start, end - start)))
		n = NULL;
	return n;
}

static struct node *list(struct parser *ps)
{
	const char *start = ps->lx.start;
	struct node *left = and_or(ps), *right;

	if (left && ps->lx.tok == T_AMP)
		left = background(ps, left, start);
	else if (!left || ps->lx.tok != T_SEMI)
		return left;
	lex_next(&ps->lx);
	if (!left || ps->lx.tok == T_END || ps->lx.tok == T_RPAREN)
		return left;
	right = list(ps);
	return right ? node(ps, N_SEQ, left, right) : NULL;
}

/* Parses line into *t: t->root is NULL for an empty line.  Returns 0, or
 * -1 after reporting what was not understood.  tree_free(t->all) frees it. */
int parse(const char *line, struct tree *t)
{
	struct parser ps = { .lx = { .p = line } };

	t->root = NULL;
	lex_next(&ps.lx);
	if (ps.lx.tok != T_END) {
		t->root = list(&ps);
		if (t->root && ps.lx.tok != T_END)
			syntax_error(&ps);
	}
	free(ps.lx.word);
	t->all = ps.all;
	return ps.error ? -1 : 0;
}

void tree_free(struct node *all)
{
	struct node *next;
	struct redir *r, *rnext;

	for (; all; all = next) {
		next = all->next;
		for (int i = 0; i < all->nwords; i++)
			free(all->words[i]);
		for (r = all->redirs; r; r = rnext) {
			rnext = r->next;
			free(r->word);
			free(r);
		}
		free(all->words);
		free(all->text);
		free(all);
	}
}
