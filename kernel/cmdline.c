/* The kernel command line (kernel/cmdline.h). */
#include <string.h>
#include "kernel/cmdline.h"
#include "kernel/printk.h"

static struct cmdline boot_cmdline;

/* Copies one word of `line` into `out`, dropping double quotes and the
 * backslash before an escaped character (GRUB writes ' as \'); returns
 * where the word ended in `line`, and sets *full if `out` ran out of room. */
static const char *copy_word(const char *line, char **out, char *limit, int *full)
{
	int quoted = 0;

	for (; *line && (quoted || *line != ' '); line++) {
		if (*line == '"') {
			quoted = !quoted;
			continue;
		}
		if (*line == '\\' && line[1])
			line++;
		if (*out + 1 >= limit) {
			*full = 1;
			break;
		}
		*(*out)++ = *line;
	}
	*(*out)++ = '\0';
	return line;
}

static void split_word(struct cmdline *cl, char *word)
{
	char *eq = strchr(word, '=');

	cl->key[cl->n] = word;
	cl->value[cl->n] = eq ? eq + 1 : "";
	if (eq)
		*eq = '\0';
	cl->n++;
}

int cmdline_parse(struct cmdline *cl, const char *line)
{
	char *out = cl->buf, *limit = cl->buf + sizeof(cl->buf);
	int full = 0;

	cl->n = 0;
	while (*line && !full) {
		char *word = out;

		while (*line == ' ')
			line++;
		if (!*line)
			break;
		if (cl->n == CMDLINE_WORDS)
			return -1;
		line = copy_word(line, &out, limit, &full);
		split_word(cl, word);
	}
	return full ? -1 : 0;
}

const char *cmdline_lookup(const struct cmdline *cl, const char *key)
{
	for (int i = cl->n - 1; i >= 0; i--)    /* the last one wins */
		if (!strcmp(cl->key[i], key))
			return cl->value[i];
	return NULL;
}

void cmdline_init(const char *line)
{
	if (cmdline_parse(&boot_cmdline, line) < 0)
		pr_warn("kernel command line too long; ignoring the rest\n");
}

const char *cmdline_get(const char *key)
{
	return cmdline_lookup(&boot_cmdline, key);
}

static int parse_long(const char *s, long *out)
{
	long v = 0;
	int neg = *s == '-';

	s += neg;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

long cmdline_get_long(const char *key, long fallback)
{
	const char *s = cmdline_get(key);
	long v;

	if (!s)
		return fallback;
	if (parse_long(s, &v) < 0) {
		pr_warn("%s=%s is not a number; using %ld\n", key, s, fallback);
		return fallback;
	}
	return v;
}
