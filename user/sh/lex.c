/*
 * The lexer: splits a line into words and operators.  Blanks separate
 * words; an operator (";", "&", "&&", "|", "||", "(", ")", a redirection)
 * ends one.  Inside '...', "..." or after a '\', blanks and operators are
 * part of the word.  A word keeps its quotes: expand() removes them when
 * the word is used.  A '#' that starts a token makes the rest of the line
 * a comment.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

#define BLANKS		" \t\r\n"
#define OPERATORS	";&|()<>"
#define DIGITS		"0123456789"
#define COMMENT		'#'

/* Returns the end of the quoted text starting at its opening quote *p, or
 * NULL if the quote is not closed.  In "...", a '\' hides the next byte. */
static const char *quote_end(const char *p)
{
	char q = *p++;

	for (; *p && *p != q; p++)
		if (q == '"' && *p == '\\' && p[1])
			p++;
	return *p ? p + 1 : NULL;
}

static void word(struct lexer *lx)
{
	const char *p = lx->p;

	while (*p && !strchr(BLANKS OPERATORS, *p)) {
		if (*p == '\'' || *p == '"') {
			p = quote_end(p);
			if (!p) {
				lx->tok = T_BAD_QUOTE;
				return;
			}
		} else {
			p += *p == '\\' && p[1] ? 2 : 1;
		}
	}
	lx->word = strndup(lx->p, p - lx->p);
	lx->tok = T_WORD;
	lx->p = p;
}

/* "<", ">", ">>", "<&", ">&", each perhaps after a descriptor number. */
static void redirection(struct lexer *lx, size_t digits)
{
	const char *p = lx->p + digits;
	int out = *p++ == '>';

	lx->redir_fd = digits ? atoi(lx->p) : out;
	lx->redir_flags = out ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY;
	if (out && *p == '>') {
		lx->redir_flags = O_WRONLY | O_CREAT | O_APPEND;
		p++;
	} else if (*p == '&') {
		lx->redir_flags = REDIR_DUP;
		p++;
	}
	lx->tok = T_REDIR;
	lx->p = p;
}

/* One of ";&|()": doubled, "&" and "|" are "&&" and "||". */
static void operator(struct lexer *lx)
{
	const char *p = lx->p;
	int twice = (*p == '&' || *p == '|') && p[1] == *p;

	switch (*p) {
	case ';': lx->tok = T_SEMI; break;
	case '&': lx->tok = twice ? T_AND : T_AMP; break;
	case '|': lx->tok = twice ? T_OR : T_PIPE; break;
	case '(': lx->tok = T_LPAREN; break;
	default: lx->tok = T_RPAREN; break;
	}
	lx->p = p + 1 + twice;
}

/* Reads the next token into lx->tok (and lx->word, newly allocated, for a
 * T_WORD). */
void lex_next(struct lexer *lx)
{
	size_t digits;

	lx->p += strspn(lx->p, BLANKS);
	lx->start = lx->p;
	lx->word = NULL;
	digits = strspn(lx->p, DIGITS);
	if (!*lx->p || *lx->p == COMMENT)
		lx->tok = T_END;
	else if (lx->p[digits] == '<' || lx->p[digits] == '>')
		redirection(lx, digits);
	else if (strchr(OPERATORS, *lx->p))
		operator(lx);
	else
		word(lx);
}
