/* The kernel's log, on its own serial port (COM2), apart from what programs
 * write to the console: printk for messages, kprintf for raw text (tests,
 * panics).  One lock keeps each call's text whole when several CPUs print;
 * a panic stops taking it, so that it prints even over a holder that will
 * never let go. */
#include <stddef.h>
#include <fmt.h>
#include "kernel/printk.h"
#include "arch/serial.h"
#include "arch/tsc.h"
#include "kernel/spinlock.h"
#include "kernel/ktime.h"

static enum log_level console_level = LOG_INFO;
static const char *const level_tag[] = { "error: ", "warning: ", "", "debug: " };
static struct spinlock log_lock = SPINLOCK("log", LOCK_ORDER_LOG);
static volatile int log_lock_broken;

static int log_lock_take(void)
{
	if (log_lock_broken)
		return 0;
	acquire(&log_lock);
	return 1;
}

static void log_lock_drop(int taken)
{
	if (taken)
		release(&log_lock);
}

void printk_break_lock(void)
{
	log_lock_broken = 1;
}

static void log_sink(int c, void *arg)
{
	(void)arg;
	serial_putc(SERIAL_LOG, c);
}

void vkprintf(const char *fmt, va_list ap)
{
	int taken = log_lock_take();

	vformat(log_sink, NULL, fmt, ap);
	log_lock_drop(taken);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
}

/* kprintf for who holds the log lock. */
static void kprintf_locked(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vformat(log_sink, NULL, fmt, ap);
	va_end(ap);
}

void printk(enum log_level level, const char *fmt, ...)
{
	struct timeval t = ns_timeval(time_ns());
	va_list ap;
	int taken;

	if (level > console_level)
		return;
	taken = log_lock_take();
	kprintf_locked("[%5ld.%06ld] %s", t.sec, t.usec, level_tag[level]);
	va_start(ap, fmt);
	vformat(log_sink, NULL, fmt, ap);
	va_end(ap);
	log_lock_drop(taken);
}

void printk_set_level(enum log_level level)
{
	console_level = level;
}

struct buf {
	char *p;
	unsigned long left;
};

static void buf_sink(int c, void *arg)
{
	struct buf *b = arg;

	if (b->left > 1) {
		*b->p++ = c;
		b->left--;
	}
}

int snprintf(char *s, unsigned long size, const char *fmt, ...)
{
	struct buf b = { s, size };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vformat(buf_sink, &b, fmt, ap);
	va_end(ap);
	if (size)
		*b.p = '\0';
	return n;
}
