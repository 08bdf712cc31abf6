/*
 * The terminal: the console's line discipline, its termios, and who owns
 * it.  Bytes typed arrive one at a time from the UART's interrupt
 * (tty_receive); programs read and write through the console's file.
 *
 *   in.buf:  [ readable lines | line being edited ]
 *            ^ r              ^ committed         ^ e
 *
 * In canonical mode (ICANON) a typed byte joins the line being edited and
 * is echoed; VERASE, VWERASE and VKILL take bytes back off it, and Enter
 * (or VEOF) commits it, making it readable.  One slot is kept for the
 * Enter: when the line fills the buffer, other bytes ring the bell and are
 * refused, so a line is never lost without a sign.  With ICANON off every
 * byte is readable at once, and VMIN/VTIME say when a read returns.  poll
 * sees the file readable when a read would return at once.
 *
 * An escape sequence (arrows, Home, End...) is one key, not text: in
 * canonical mode it is swallowed whole, never echoed nor stored:
 *
 *   PLAIN --ESC--> ESC_SEEN --'['--> CSI --final byte @..~--> PLAIN
 *                           --'O'--> SS3 --any byte---------> PLAIN
 *                           --other byte (dropped)----------> PLAIN
 *
 * A control byte in the middle of a sequence ends it and counts as typed.
 *
 * With ISIG, VINTR and VQUIT flush the input and signal the foreground
 * process group, and Ctrl-P lists the processes (kernel/procdump.c).  The
 * terminal belongs to one session, init's until a session leader without
 * it takes it (TIOCSCTTY); a process of that session outside the
 * foreground group that reads gets EIO (there is no job control to stop
 * it with SIGTTIN).
 */
#include "kernel/tty.h"
#include "kernel/console.h"
#include "kernel/file.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/poll.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "kernel/signal.h"
#include "mm/uaccess.h"
#include "arch/tsc.h"

#define INPUT_SIZE      1024
#define WRITE_CHUNK     256
#define CTRL(c)         ((c) & 0x1f)
#define ESC             0x1b
#define DEL             0x7f
#define BACKSPACE       0x08
#define BELL            '\a'
#define CTRL_ECHO_BIT   0x40            /* Ctrl-C, 0x03, echoes as ^C */
#define PROCDUMP_KEY    CTRL('P')
#define INIT_SESSION    1               /* init leads session 1 */
#define INIT_PGRP       1               /* and group 1 */
#define DEFAULT_ROWS    24
#define DEFAULT_COLS    80
#define NS_PER_DECISECOND (NS_PER_SEC / 10)     /* VTIME's unit */

enum esc_state { PLAIN, ESC_SEEN, CSI, SS3 };

static struct {
	char buf[INPUT_SIZE];
	uint64_t r, committed, e;       /* positions, taken modulo INPUT_SIZE */
	int eof;                        /* VEOF on an empty line, not yet read */
	enum esc_state esc;
} in;

static struct poll_queue pollers;       /* woken with in's readers */

static struct termios tio = {
	.c_iflag = ICRNL,
	.c_oflag = OPOST,
	.c_cflag = B115200 | CS8 | CREAD,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL,
	.c_cc = {
		[VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = DEL,
		[VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VWERASE] = CTRL('W'),
		[VMIN] = 1, [VTIME] = 0,
	},
};

static struct winsize winsize = { .ws_row = DEFAULT_ROWS, .ws_col = DEFAULT_COLS };
static int session = INIT_SESSION;      /* the session it is the terminal of */
static int foreground = INIT_PGRP;     /* its foreground process group */

void tty_set_onlcr(int on)
{
	if (on)
		tio.c_oflag |= ONLCR;
	else
		tio.c_oflag &= ~ONLCR;
}

static int session_alive(int sid)
{
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);

		if (p && p->state != UNUSED && p->state != ZOMBIE && p->attr->sid == sid)
			return 1;
	}
	return 0;
}

/* When its session is gone, the terminal is init's session's again. */
static void check_owner(void)
{
	if (session != INIT_SESSION && !session_alive(session))
		session = INIT_SESSION, foreground = INIT_PGRP;
}

/* Output post-processing: the one place bytes leave for the line. */
static void out_char(char c)
{
	if (c == '\n' && (tio.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR))
		console_putc('\r');
	console_putc(c);
}

void tty_puts(const char *s)
{
	while (*s)
		out_char(*s++);
}

static int is_ctrl(unsigned char c)
{
	return (c < ' ' && c != '\t' && c != '\n') || c == DEL;
}

/* Columns c takes when echoed: ^X takes two. */
static int echo_width(unsigned char c)
{
	return is_ctrl(c) && (tio.c_lflag & ECHOCTL) ? 2 : 1;
}

static void echo(unsigned char c)
{
	if (!(tio.c_lflag & ECHO))
		return;
	if (echo_width(c) == 2) {
		out_char('^');
		out_char(c ^ CTRL_ECHO_BIT);
	} else {
		out_char(c);
	}
}

static void flush_input(void)
{
	in.r = in.committed = in.e;
	in.eof = 0;
	in.esc = PLAIN;
}

/* Takes the last byte off the line being edited, rubbing it out on the
 * screen with ECHOE; returns it, or -1 if the line is empty. */
static int rubout(void)
{
	unsigned char c;

	if (in.e == in.committed)
		return -1;
	c = in.buf[--in.e % INPUT_SIZE];
	if ((tio.c_lflag & (ECHO | ECHOE)) == (ECHO | ECHOE))
		for (int i = echo_width(c); i > 0; i--)
			tty_puts("\b \b");
	return c;
}

static int last_is_space(void)
{
	char c = in.buf[(in.e - 1) % INPUT_SIZE];

	return c == ' ' || c == '\t';
}

/* VWERASE: the blanks before the cursor, then the word before them. */
static void erase_word(void)
{
	while (in.e > in.committed && last_is_space())
		rubout();
	while (in.e > in.committed && !last_is_space())
		rubout();
}

/* VKILL: rubbed out with ECHOE, else echoed and, with ECHOK, a newline. */
static void kill_line(unsigned char c)
{
	if (tio.c_lflag & ECHOE) {
		while (rubout() >= 0)
			;
		return;
	}
	in.e = in.committed;
	echo(c);
	if (tio.c_lflag & ECHOK)
		echo('\n');
}

/* Readers and pollers learn of new input, or of a change of mode. */
static void input_news(void)
{
	wakeup(&in);
	poll_wake(&pollers);
}

static void commit(void)
{
	in.committed = in.e;
	input_news();
}

/* Stores c, if the buffer has room for it and still for an Enter. */
static void store(unsigned char c)
{
	uint64_t room = INPUT_SIZE - (in.e - in.r);
	int canon = tio.c_lflag & ICANON;

	if (room == 0 || (canon && c != '\n' && room == 1)) {
		out_char(BELL);
		return;
	}
	in.buf[in.e++ % INPUT_SIZE] = c;
	echo(c);
	if (!canon || c == '\n')
		commit();
}

/* An escape sequence's state after c; 1 if c belongs to it (swallowed). */
static int in_escape(unsigned char c)
{
	enum esc_state s = in.esc;

	in.esc = PLAIN;
	if (c == ESC) {
		in.esc = ESC_SEEN;
		return 1;
	}
	if (s == PLAIN || c < ' ' || c == DEL)
		return 0;               /* text, or a control byte ending it */
	if (s == ESC_SEEN)
		in.esc = c == '[' ? CSI : c == 'O' ? SS3 : PLAIN;
	else if (s == CSI && (c < '@' || c > '~'))
		in.esc = CSI;           /* parameters and intermediates */
	return 1;
}

/* Is c the character of c_cc[slot]?  0 there disables the slot. */
static int is_key(unsigned char c, int slot)
{
	return tio.c_cc[slot] && c == tio.c_cc[slot];
}

/* Backspace (^H) erases too, whatever VERASE says: terminals send either. */
static void canonical(unsigned char c)
{
	if (in_escape(c))
		return;
	if (is_key(c, VERASE) || c == BACKSPACE)
		rubout();
	else if (is_key(c, VWERASE))
		erase_word();
	else if (is_key(c, VKILL))
		kill_line(c);
	else if (is_key(c, VEOF)) {
		in.eof = in.e == in.committed;
		commit();
	} else
		store(c);
}

/* VINTR, VQUIT: the input is flushed, the key echoed, the group told. */
static int signal_key(unsigned char c)
{
	int sig = is_key(c, VINTR) ? SIGINT : is_key(c, VQUIT) ? SIGQUIT : 0;

	if (!sig)
		return 0;
	flush_input();
	echo(c);
	echo('\n');
	check_owner();
	pgrp_kill(foreground, sig);
	return 1;
}

/* A byte from the line, in interrupt context. */
void tty_receive(unsigned char c)
{
	if (c == '\r' && (tio.c_iflag & ICRNL))
		c = '\n';
	if (tio.c_lflag & ISIG) {
		if (signal_key(c))
			return;
		if (c == PROCDUMP_KEY) {
			procdump();
			return;
		}
	}
	if (tio.c_lflag & ICANON)
		canonical(c);
	else
		store(c);
}

/* A member of the terminal's session outside the foreground group may
 * not read it. */
static int background(void)
{
	check_owner();
	return current->attr->sid == session && current->attr->pgid != foreground;
}

/* Copies readable bytes out, up to n; in canonical mode, up to the end
 * of the line. */
static long take(char *ubuf, size_t n)
{
	size_t got = 0;

	while (got < n && in.r < in.committed) {
		char c = in.buf[in.r % INPUT_SIZE];

		if (copy_to_user(ubuf + got, &c, 1) < 0)
			return got ? (long)got : -EFAULT;
		in.r++, got++;
		if (c == '\n' && (tio.c_lflag & ICANON))
			break;
	}
	return got;
}

static long read_canonical(char *ubuf, size_t n)
{
	while (in.r == in.committed && !in.eof)
		if (sleep_on(&in) < 0)
			return -ERESTARTSYS;
	if (in.r == in.committed) {
		in.eof = 0;                     /* this read reports the end */
		return 0;
	}
	return take(ubuf, n);
}

/* ICANON off: done with VMIN bytes (n at most), or VTIME tenths of a
 * second after the last byte came (the first, when VMIN is 0). */
static long read_raw(char *ubuf, size_t n)
{
	uint64_t want = tio.c_cc[VMIN] < n ? tio.c_cc[VMIN] : n;
	uint64_t timeout = tio.c_cc[VTIME] * NS_PER_DECISECOND;
	uint64_t seen = in.committed - in.r, deadline = time_ns() + timeout;

	while (in.committed - in.r < want || (!want && !seen && timeout)) {
		if (in.committed - in.r != seen) {
			seen = in.committed - in.r;
			deadline = time_ns() + timeout;
		}
		if (timeout && (seen || !want) && time_ns() >= deadline)
			break;
		if (sleep_on(timeout ? timer_channel() : (void *)&in) < 0)
			return -ERESTARTSYS;
	}
	return take(ubuf, n);
}

/* A read would return now: a line, raw bytes, or the end of input. */
static int readable(void)
{
	return in.r != in.committed || in.eof;
}

/* O_NONBLOCK: EAGAIN for nothing readable, else what there is. */
static long tty_read(struct file *f, char *ubuf, size_t n)
{
	int nonblock = f->flags & O_NONBLOCK;

	if (background())
		return -EIO;
	if (nonblock && !readable())
		return -EAGAIN;
	if (tio.c_lflag & ICANON)
		return read_canonical(ubuf, n);
	return nonblock ? take(ubuf, n) : read_raw(ubuf, n);
}

static unsigned tty_poll(struct file *f)
{
	(void)f;
	return POLLOUT | POLLWRNORM | (readable() ? POLLIN | POLLRDNORM : 0);
}

static struct poll_queue *tty_poll_queue(struct file *f)
{
	(void)f;
	return &pollers;
}

static long tty_write(struct file *f, const char *ubuf, size_t n)
{
	char chunk[WRITE_CHUNK];

	(void)f;
	for (size_t done = 0; done < n; ) {
		size_t len = n - done < WRITE_CHUNK ? n - done : WRITE_CHUNK;

		if (copy_from_user(chunk, ubuf + done, len) < 0)
			return done ? (long)done : -EFAULT;
		for (size_t i = 0; i < len; i++)
			out_char(chunk[i]);
		done += len;
	}
	return n;
}

static void tty_stat(struct file *f, struct kstat *st)
{
	(void)f;
	st->mode = S_IFCHR | 0620;
	st->nlink = 1;
}

/* TCSETS*: output is written as it comes, so there is none to drain for
 * TCSETSW; TCSETSF also drops what was typed and not read. */
static long set_termios(unsigned int req, void *uarg)
{
	struct termios t;

	if (copy_from_user(&t, uarg, sizeof(t)) < 0)
		return -EFAULT;
	if (req == TCSETSF)
		flush_input();
	tio = t;
	if (!(tio.c_lflag & ICANON)) {
		in.committed = in.e;            /* what was being edited is input */
		in.esc = PLAIN;
	}
	input_news();
	return 0;
}

/* A session leader takes the terminal if no live session has it, or from
 * one that has with arg 1 (everyone has the privilege that needs). */
static long set_ctty(uint64_t arg)
{
	if (current->attr->sid != current->pid)
		return -EPERM;
	if (session == current->attr->sid)
		return 0;                       /* ours already: nothing changes */
	if (session != current->attr->sid && session_alive(session) && arg != 1)
		return -EPERM;
	session = current->attr->sid;
	foreground = current->attr->pgid;
	return 0;
}

static long set_foreground(void *uarg)
{
	int pgid;

	if (current->attr->sid != session)
		return -ENOTTY;
	if (copy_from_user(&pgid, uarg, sizeof(pgid)) < 0)
		return -EFAULT;
	if (pgid < 0)
		return -EINVAL;
	if (pgrp_session(pgid) < 0)
		return -ESRCH;
	if (pgrp_session(pgid) != session)
		return -EPERM;
	foreground = pgid;
	return 0;
}

static long get_foreground(void *uarg)
{
	if (current->attr->sid != session)
		return -ENOTTY;
	return copy_to_user(uarg, &foreground, sizeof(foreground)) < 0 ? -EFAULT : 0;
}

/* A new size is news to the foreground group: SIGWINCH. */
static long set_winsize(void *uarg)
{
	struct winsize w;

	if (copy_from_user(&w, uarg, sizeof(w)) < 0)
		return -EFAULT;
	if (w.ws_row != winsize.ws_row || w.ws_col != winsize.ws_col)
		pgrp_kill(foreground, SIGWINCH);
	winsize = w;
	return 0;
}

static long tty_ioctl(struct file *f, unsigned int req, uint64_t arg)
{
	void *uarg = (void *)arg;

	(void)f;
	check_owner();
	switch (req) {
	case TCGETS:
		return copy_to_user(uarg, &tio, sizeof(tio)) < 0 ? -EFAULT : 0;
	case TCSETS: case TCSETSW: case TCSETSF:
		return set_termios(req, uarg);
	case TIOCGWINSZ:
		return copy_to_user(uarg, &winsize, sizeof(winsize)) < 0 ? -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize(uarg);
	case TIOCGPGRP:
		return get_foreground(uarg);
	case TIOCSPGRP:
		return set_foreground(uarg);
	case TIOCSCTTY:
		return set_ctty(arg);
	}
	return -ENOTTY;
}

static const struct file_ops tty_ops = {
	.read = tty_read,
	.write = tty_write,
	.stat = tty_stat,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
	.poll_queue = tty_poll_queue,
};

struct file *tty_open(void)
{
	return file_new(&tty_ops, O_RDWR, NULL);
}
