/* The kernel's log, on its own serial port (COM2), apart from what programs
 * write to the console: printk for messages, kprintf for raw text (tests,
 * panics). */
#include <stddef.h>
#include <fmt.h>
#include "kernel/printk.h"
#include "arch/serial.h"
#include "arch/tsc.h"

static enum log_level console_level = LOG_INFO;
static const char *const level_tag[] = { "error: ", "warning: ", "", "debug: " };

static void log_sink(int c, void *arg)
{
	(void)arg;
	serial_putc(SERIAL_LOG, c);
}

void vkprintf(const char *fmt, va_list ap)
{
	vformat(log_sink, NULL, fmt, ap);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
}

void printk(enum log_level level, const char *fmt, ...)
{
	uint64_t us = time_ns() / 1000;
	va_list ap;

	if (level > console_level)
		return;
	kprintf("[%5lu.%06lu] %s", us / 1000000, us % 1000000, level_tag[level]);
	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
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
