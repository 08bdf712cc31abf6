/*
 * The console: the serial port as a terminal on fds 0, 1 and 2.
 *
 * Output goes to COM1 byte for byte, '\n' becoming "\r\n" only when the
 * command line says a terminal is at the other end (onlcr=1, arch/serial.c).
 * Input arrives by interrupt and goes through a small line discipline:
 * characters are echoed, backspace erases, and a line becomes readable only
 * when Enter (or Ctrl-D, which ends input when the line is empty) is typed.
 *
 *   buf:  [ readable lines | line being edited ]
 *         ^ r              ^ committed         ^ e
 */
#include "kernel/console.h"
#include "kernel/file.h"
#include "kernel/sched.h"
#include "kernel/poll.h"
#include "kernel/errno.h"
#include "kernel/signal.h"
#include "mm/uaccess.h"
#include "arch/pic.h"
#include "arch/serial.h"

#define INPUT_SIZE      1024
#define WRITE_CHUNK     256
#define CTRL_D          0x04
#define BACKSPACE       0x08
#define DELETE          0x7f

static struct {
	char buf[INPUT_SIZE];
	uint64_t r, committed, e;       /* positions, taken modulo INPUT_SIZE */
	int eof;                        /* Ctrl-D on an empty line */
} in;

static void echo(char c)
{
	serial_putc(SERIAL_CONSOLE, c);
}

static void input_char(int c)
{
	if (c == '\r')
		c = '\n';
	if (c == BACKSPACE || c == DELETE) {
		if (in.e > in.committed) {
			in.e--;
			echo('\b'), echo(' '), echo('\b');
		}
		return;
	}
	if (c == CTRL_D) {
		in.eof = in.e == in.committed;
		in.committed = in.e;
		wakeup(&in);
		poll_wake();
		return;
	}
	if (in.e - in.r == INPUT_SIZE)
		return;                         /* full: drop it */
	in.buf[in.e++ % INPUT_SIZE] = c;
	echo(c);
	if (c == '\n') {
		in.committed = in.e;
		wakeup(&in);
		poll_wake();
	}
}

static void console_irq(void)
{
	int c;

	while ((c = serial_getc()) >= 0)
		input_char(c);
}

static long console_read(struct file *f, char *ubuf, size_t n)
{
	size_t got = 0;

	while (in.r == in.committed && !in.eof) {
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		if (sleep_on(&in) < 0)
			return -ERESTARTSYS;
	}
	if (in.r == in.committed) {
		in.eof = 0;                     /* this read reports the end */
		return 0;
	}
	while (got < n && in.r < in.committed) {
		char c = in.buf[in.r % INPUT_SIZE];

		if (copy_to_user(ubuf + got, &c, 1) < 0)
			return got ? (long)got : -EFAULT;
		in.r++, got++;
		if (c == '\n')
			break;
	}
	return got;
}

static long console_write(struct file *f, const char *ubuf, size_t n)
{
	char chunk[WRITE_CHUNK];

	(void)f;
	for (size_t done = 0; done < n; ) {
		size_t len = n - done < WRITE_CHUNK ? n - done : WRITE_CHUNK;

		if (copy_from_user(chunk, ubuf + done, len) < 0)
			return done ? (long)done : -EFAULT;
		for (size_t i = 0; i < len; i++)
			serial_putc(SERIAL_CONSOLE, chunk[i]);
		done += len;
	}
	return n;
}

/* Readable when a line (or the end of input) is; always writable. */
static unsigned console_poll(struct file *f)
{
	unsigned ready = POLLOUT | POLLWRNORM;

	(void)f;
	if (in.r != in.committed || in.eof)
		ready |= POLLIN | POLLRDNORM;
	return ready;
}

static void console_stat(struct file *f, struct kstat *st)
{
	(void)f;
	st->mode = S_IFCHR | 0620;
	st->nlink = 1;
}

static const struct file_ops console_ops = {
	.read = console_read,
	.write = console_write,
	.stat = console_stat,
	.poll = console_poll,
};

void console_init(void)
{
	irq_register(IRQ_COM1, console_irq);
	serial_enable_rx();
	console_irq();                  /* what was typed before we listened */
}

struct file *console_open(void)
{
	return file_new(&console_ops, O_RDWR, NULL);
}
