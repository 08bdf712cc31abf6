/* Kernel command line parsing (kernel/cmdline.c). */
#include <string.h>
#include "tests/ktest.h"
#include "kernel/cmdline.h"

static struct cmdline cl;

KTEST(cmdline, words)
{
	KEXPECT_EQ(cmdline_parse(&cl, "  test=all  quiet fork_mode=cow "), 0);
	KEXPECT_EQ(cl.n, 3);
	KEXPECT(!strcmp(cmdline_lookup(&cl, "test"), "all"));
	KEXPECT(!strcmp(cmdline_lookup(&cl, "quiet"), ""));
	KEXPECT(!strcmp(cmdline_lookup(&cl, "fork_mode"), "cow"));
	KEXPECT(cmdline_lookup(&cl, "missing") == NULL);
	KEXPECT(cmdline_lookup(&cl, "fork") == NULL);
}

KTEST(cmdline, quotes_and_repeats)
{
	KEXPECT_EQ(cmdline_parse(&cl, "cmd=\"/bin/echo a  b\" x=1 x=2 \"y=c d\" e=f=g"), 0);
	KEXPECT(!strcmp(cmdline_lookup(&cl, "cmd"), "/bin/echo a  b"));
	KEXPECT(!strcmp(cmdline_lookup(&cl, "x"), "2"));
	KEXPECT(!strcmp(cmdline_lookup(&cl, "y"), "c d"));
	KEXPECT(!strcmp(cmdline_lookup(&cl, "e"), "f=g"));
	KEXPECT_EQ(cmdline_parse(&cl, "\"cmd=sh -c \\'a b\\'\" z=\\\\"), 0);
	KEXPECT(!strcmp(cmdline_lookup(&cl, "cmd"), "sh -c 'a b'"));
	KEXPECT(!strcmp(cmdline_lookup(&cl, "z"), "\\"));
}

KTEST(cmdline, empty_and_overflow)
{
	static char longline[CMDLINE_MAX * 2];

	KEXPECT_EQ(cmdline_parse(&cl, ""), 0);
	KEXPECT_EQ(cl.n, 0);
	memset(longline, 'a', sizeof(longline) - 1);
	KEXPECT_EQ(cmdline_parse(&cl, longline), -1);
	KEXPECT(strlen(cl.key[0]) < CMDLINE_MAX);
	KEXPECT_EQ(cmdline_parse(&cl, "a b c d e f g h i j k l m n o p q r s t u v w x y z "
				      "1 2 3 4 5 6 7 8 9"), -1);
	KEXPECT_EQ(cl.n, CMDLINE_WORDS);
}

KTEST(cmdline, boot_line)
{
	KEXPECT(cmdline_get("test") != NULL);           /* we were started by it */
	KEXPECT_EQ(cmdline_get_long("no_such_option", 42), 42);
}
