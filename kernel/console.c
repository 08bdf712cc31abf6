/*
 * The console: COM1 as the line under the terminal of kernel/tty.c.
 * Bytes typed arrive by interrupt and go to the line discipline; what it
 * writes goes out byte for byte (any '\r' before '\n' is its ONLCR's).
 */
#include "kernel/console.h"
#include "kernel/tty.h"
#include "arch/irq.h"
#include "arch/serial.h"

static void console_irq(void)
{
	int c;

	while ((c = serial_getc()) >= 0)
		tty_receive(c);
}

void console_putc(char c)
{
	serial_putc(SERIAL_CONSOLE, c);
}

void console_init(void)
{
	irq_register(IRQ_COM1, "serial", console_irq);
	serial_enable_rx();
	console_irq();                  /* what was typed before we listened */
}

struct file *console_open(void)
{
	return tty_open();
}
