/*
 * Expansion of one word, when it is used: quotes are removed, '\' keeps
 * the next byte as it is, and "$?", "$$", "$!", "$NAME" and "${NAME}" are
 * replaced by their values, outside quotes and inside "..." but not inside
 * '...'.  A variable's value stays one word (there is no field splitting
 * and no pattern matching: "*" is only "*").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

#define NUMBER_MAX	24	/* "-9223372036854775808" and a '\0' */

struct buf {
	char *s;
	size_t n, cap;
};

static int put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = 2 * (b->n + n + 1);
		char *p = realloc(b->s, cap);

		if (!p)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
	return 0;
}

/* "$?", "$$" (the shell's pid, a subshell's too) and "$!" (the last
 * background job's pid, "" before there is one). */
static int special(char c, struct buf *b)
{
	char num[NUMBER_MAX] = "";
	long v = c == '?' ? last_status : c == '$' ? shell_pid : last_bg_pid;

	if (c != '!' || last_bg_pid)
		snprintf(num, sizeof(num), "%ld", v);
	return put(b, num, strlen(num));
}

/* Expands the '$' at *p; returns the rest of the word, or NULL after
 * reporting a "${" without its '}'. */
static const char *dollar(const char *p, struct buf *b)
{
	const char *name = p + 1, *value;
	char *var;
	size_t n;

	if (*name && strchr("?$!", *name))
		return special(*name, b) < 0 ? NULL : name + 1;
	if (*name == '{') {
		n = strcspn(++name, "}");
		if (!name[n] || !var_is_name(name, n)) {
			fprintf(stderr, "sh: %s: bad substitution\n", p);
			return NULL;
		}
	} else {
		for (n = 0; var_is_name(name, n + 1); n++)
			;
		if (!n)		/* a '$' before nothing a name can start with */
			return put(b, "$", 1) < 0 ? NULL : p + 1;
	}
	var = strndup(name, n);
	value = var ? var_get(var) : NULL;
	free(var);
	if (!var || (value && put(b, value, strlen(value)) < 0))
		return NULL;
	return name + n + (p[1] == '{');
}

/* In "...", a '\' quotes only these. */
#define DQ_ESCAPES	"$\"\\`"

/* Returns the expanded word, newly allocated, or NULL after reporting an
 * error.  *keep is 0 for a word that expanded to nothing and had no
 * quotes: it is left out, as "$UNSET" is. */
char *expand(const char *w, int *keep)
{
	struct buf b = { NULL, 0, 0 };
	int dq = 0, quoted = 0, ok = put(&b, "", 0) == 0;

	while (ok && *w) {
		const char *end;

		if (*w == '\'' && !dq) {
			end = strchr(w + 1, '\'');
			ok = put(&b, w + 1, end - w - 1) == 0;
			w = end + 1;
			quoted = 1;
		} else if (*w == '"') {
			dq = !dq;
			quoted = 1;
			w++;
		} else if (*w == '\\' && w[1] && (!dq || strchr(DQ_ESCAPES, w[1]))) {
			ok = put(&b, w + 1, 1) == 0;
			w += 2;
		} else if (*w == '$') {
			ok = (w = dollar(w, &b)) != NULL;
		} else {
			ok = put(&b, w++, 1) == 0;
		}
	}
	if (!ok) {
		free(b.s);
		return NULL;
	}
	*keep = quoted || b.n;
	return b.s;
}
