#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#define CMDLINE_MAX     1024
#define CMDLINE_WORDS   32

/*
 * A parsed kernel command line: words separated by spaces, each "key=value"
 * or a bare "key".  Double quotes group spaces into one word and are removed:
 * cmd="/bin/echo hi" gives key "cmd", value "/bin/echo hi"; a backslash
 * makes the next character plain.
 */
struct cmdline {
	char buf[CMDLINE_MAX];
	const char *key[CMDLINE_WORDS];
	const char *value[CMDLINE_WORDS];       /* "" for a bare key */
	int n;
};

/* Returns 0, or -1 if the line was too long or had too many words (the
 * words that fit are kept). */
int cmdline_parse(struct cmdline *cl, const char *line);
const char *cmdline_lookup(const struct cmdline *cl, const char *key);

/* The kernel's own command line. */
void cmdline_init(const char *line);
const char *cmdline_get(const char *key);       /* NULL if absent */
long cmdline_get_long(const char *key, long fallback);

#endif
