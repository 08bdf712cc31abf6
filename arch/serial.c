/*
 * The 16550 UART on COM1: forklab's console.  Output is polled, so it works
 * from any context, panics included.
 */
#include "arch/serial.h"
#include "arch/x86.h"

#define COM1            0x3f8
#define UART_DATA       0       /* DLAB=0: transmit / receive */
#define UART_IER        1       /* DLAB=0: interrupt enable */
#define UART_DLL        0       /* DLAB=1: divisor, low byte */
#define UART_DLM        1       /* DLAB=1: divisor, high byte */
#define UART_FCR        2
#define UART_LCR        3
#define UART_MCR        4
#define UART_LSR        5

#define LCR_8N1         0x03
#define LCR_DLAB        0x80
#define FCR_ENABLE      0xc7    /* enable, clear both FIFOs, 14-byte trigger */
#define MCR_DTR_RTS_OUT2 0x0b   /* OUT2 gates the UART's IRQ line */
#define LSR_THR_EMPTY   0x20
#define LSR_DATA_READY  0x01
#define IER_RX_READY    0x01
#define BAUD_DIVISOR    1       /* 115200 / 1 */

void serial_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DLL, BAUD_DIVISOR & 0xff);
	outb(COM1 + UART_DLM, BAUD_DIVISOR >> 8);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, FCR_ENABLE);
	outb(COM1 + UART_MCR, MCR_DTR_RTS_OUT2);
}

static void serial_put_raw(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY))
		pause();
	outb(COM1 + UART_DATA, c);
}

void serial_putc(char c)
{
	if (c == '\n')
		serial_put_raw('\r');
	serial_put_raw(c);
}

void serial_enable_rx(void)
{
	outb(COM1 + UART_IER, IER_RX_READY);
}

/* The next received byte, or -1 if none is waiting. */
int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(COM1 + UART_DATA);
}
