/*
 * The line editor, for a shell on a terminal: the terminal is put in raw
 * mode (no echo, bytes as typed) while a line is read, and every change
 * redraws the line with ANSI sequences.  The terminal's keys stay on but
 * for Ctrl-C, which arrives as a byte: a SIGINT could come just before
 * read() and leave it waiting.  Keys:
 * printable bytes insert; Backspace, Ctrl-D and Delete erase; Ctrl-U and
 * Ctrl-W erase to the start of the line or of the word; Ctrl-A, Ctrl-E,
 * Home, End and the left and right arrows move; the up and down arrows
 * walk the history; Ctrl-C gives up the line; Ctrl-D on an empty line is
 * the end of input; Enter ends the line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "sh.h"

#define HISTORY_MAX	100
#define REDRAW_EXTRA	64	/* "\r", the prompt, the escape sequences */
#define ESC		'\033'
#define DEL		0x7f
#define CTRL(c)		((c) & 0x1f)
#define KEY_DISABLED	0	/* POSIX's _POSIX_VDISABLE, as c_cc[] value */
#define DELETE		(DEL + 1)	/* the Delete key: not a byte, escape()'s */

static struct termios cooked;
static char *history[HISTORY_MAX];
static int nhistory;

struct line {
	const char *prompt;
	char *buf;
	size_t size, len, pos;
	int hist;		/* the history entry shown; nhistory: the new line */
	char *draft;		/* the new line, while the history is shown */
};

/* Whether standard input is a terminal (its settings are kept). */
int edit_start(void)
{
	return tcgetattr(STDIN_FILENO, &cooked) == 0;
}

static void raw_mode(void)
{
	struct termios raw = cooked;

	raw.c_lflag &= ~(ICANON | ECHO);
	raw.c_cc[VINTR] = KEY_DISABLED;
	raw.c_iflag &= ~IXON;
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSADRAIN, &raw);
}

static void out(const char *s)
{
	write(STDERR_FILENO, s, strlen(s));
}

/* Back to the line's start; prompt, text, erase what is left of the old
 * line; the cursor back to pos.  In one write, so that the terminal never
 * shows half a line. */
static void redraw(struct line *l)
{
	static char screen[MAX_LINE + REDRAW_EXTRA];
	int n = snprintf(screen, sizeof(screen), "\r%s%.*s\033[K", l->prompt,
			 (int)l->len, l->buf);

	if (l->pos < l->len && n < (int)sizeof(screen))
		n += snprintf(screen + n, sizeof(screen) - n, "\033[%zuD", l->len - l->pos);
	if (n > (int)sizeof(screen) - 1)
		n = sizeof(screen) - 1;
	write(STDERR_FILENO, screen, n);
}

static void insert(struct line *l, char c)
{
	if (l->len + 1 >= l->size)
		return;
	memmove(l->buf + l->pos + 1, l->buf + l->pos, l->len - l->pos);
	l->buf[l->pos++] = c;
	l->len++;
}

/* Removes the n bytes before the cursor. */
static void erase(struct line *l, size_t n)
{
	memmove(l->buf + l->pos - n, l->buf + l->pos, l->len - l->pos);
	l->pos -= n;
	l->len -= n;
}

static size_t word_before(struct line *l)
{
	size_t p = l->pos;

	while (p > 0 && l->buf[p - 1] == ' ')
		p--;
	while (p > 0 && l->buf[p - 1] != ' ')
		p--;
	return l->pos - p;
}

static void show(struct line *l, const char *text)
{
	l->len = l->pos = strnlen(text, l->size - 1);
	memcpy(l->buf, text, l->len);
}

/* Up (-1) or down (+1) the history; the line being typed is kept as
 * the draft, shown again below the newest entry. */
static void walk_history(struct line *l, int step)
{
	int to = l->hist + step;

	if (to < 0 || to > nhistory)
		return;
	if (l->hist == nhistory) {
		free(l->draft);
		l->draft = strndup(l->buf, l->len);
	}
	l->hist = to;
	show(l, to < nhistory ? history[to] : l->draft ? l->draft : "");
}

static int read_byte(void)
{
	unsigned char c;

	return read(STDIN_FILENO, &c, 1) == 1 ? c : -1;
}

/* What ESC starts: "[A".."[D" the arrows, "[H" "[F" "OH" "OF" "[1~" "[7~"
 * "[4~" "[8~" Home and End, "[3~" Delete.  Returns the key as the control
 * byte of the same meaning, DELETE, or 0 for one not known. */
static int escape(void)
{
	int c = read_byte(), n = 0;

	if (c != '[' && c != 'O')
		return 0;
	c = read_byte();
	while (c >= '0' && c <= '9') {
		n = n * 10 + c - '0';
		c = read_byte();
	}
	switch (c) {
	case 'A': return CTRL('P');
	case 'B': return CTRL('N');
	case 'C': return CTRL('F');
	case 'D': return CTRL('B');
	case 'H': return CTRL('A');
	case 'F': return CTRL('E');
	case '~': return n == 1 || n == 7 ? CTRL('A') : n == 4 || n == 8 ? CTRL('E') :
			 n == 3 ? DELETE : 0;
	}
	return 0;
}

enum { GO_ON, DONE, GIVE_UP, END_OF_INPUT, IGNORED };

/* Applies key c (a byte, or DELETE). */
static int key(struct line *l, int c)
{
	switch (c) {
	case '\r': case '\n': return DONE;
	case CTRL('C'): return GIVE_UP;
	case CTRL('D'): return END_OF_INPUT;	/* on an empty line: edit() */
	case DELETE:
		if (l->pos < l->len) {
			l->pos++;
			erase(l, 1);
		}
		break;
	case DEL: case CTRL('H'): if (l->pos) erase(l, 1); break;
	case CTRL('U'): erase(l, l->pos); break;
	case CTRL('W'): erase(l, word_before(l)); break;
	case CTRL('A'): l->pos = 0; break;
	case CTRL('E'): l->pos = l->len; break;
	case CTRL('B'): if (l->pos) l->pos--; break;
	case CTRL('F'): if (l->pos < l->len) l->pos++; break;
	case CTRL('P'): walk_history(l, -1); break;
	case CTRL('N'): walk_history(l, 1); break;
	default:
		if (c < ' ' || c >= DEL)
			return IGNORED;
		insert(l, c);
		break;
	}
	return GO_ON;
}

/* Reads keys until the line is done.  A byte typed at the end of the
 * line is only echoed; any other key redraws the line, but for one that
 * means nothing here (Ctrl-Z, an unknown escape sequence). */
static int edit(struct line *l)
{
	int c, r = GO_ON;
	size_t len;

	out(l->prompt);
	while (r == GO_ON || r == IGNORED) {
		c = read_byte();
		if (c < 0)
			return END_OF_INPUT;
		if (c == ESC)
			c = escape();
		else if (c == CTRL('D') && l->len)
			c = DELETE;
		len = l->len;
		r = key(l, c);
		if (r == GO_ON && c >= ' ' && c < DEL && l->len == len + 1 &&
		    l->pos == l->len)
			write(STDERR_FILENO, &l->buf[len], 1);
		else if (r == GO_ON)
			redraw(l);
	}
	return r;
}

/* Reads a line, edited, into buf; returns its length, or -1 at the end of
 * input.  Ctrl-C gives an empty line and the status a SIGINT gives. */
long edit_line(const char *prompt, char *buf, size_t size)
{
	struct line l = { prompt, buf, size, 0, 0, nhistory, NULL };
	int r;

	raw_mode();
	r = edit(&l);
	tcsetattr(STDIN_FILENO, TCSADRAIN, &cooked);
	free(l.draft);
	out(r == GIVE_UP ? "^C\n" : "\n");
	if (r == GIVE_UP) {
		l.len = 0;
		last_status = SIGNAL_BASE + SIGINT;
	}
	buf[l.len] = '\0';
	return r == END_OF_INPUT ? -1 : (long)l.len;
}

/* Remembers line, unless it is empty or the same as the one before. */
void edit_history_add(const char *line)
{
	if (!*line || (nhistory && !strcmp(history[nhistory - 1], line)))
		return;
	if (nhistory == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof(*history));
		nhistory--;
	}
	if ((history[nhistory] = strdup(line)))
		nhistory++;
}
