/*
 * The 16550 UARTs on COM1 (the console) and COM2 (the kernel's log).
 * Output is polled, so it works from any context, panics included.
 *
 * A port sends bytes as they are unless told that a terminal is at the
 * other end (serial_set_onlcr): then '\n' goes out as "\r\n", as a raw
 * terminal needs.  The host's side knows which it is (scripts/run), not us.
 */
#include "arch/serial.h"
#include "arch/x86.h"

#define COM1            0x3f8
#define COM2            0x2f8
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
#define IER_TX_EMPTY    0x02
#define BAUD_DIVISOR    1       /* 115200 / 1 */

static const uint16_t port_base[SERIAL_PORTS] = { COM1, COM2 };
static int onlcr[SERIAL_PORTS];
static uint8_t console_ier;             /* the interrupts COM1 raises */

static void uart_init(uint16_t base)
{
	outb(base + UART_IER, 0);
	outb(base + UART_LCR, LCR_DLAB);
	outb(base + UART_DLL, BAUD_DIVISOR & 0xff);
	outb(base + UART_DLM, BAUD_DIVISOR >> 8);
	outb(base + UART_LCR, LCR_8N1);
	outb(base + UART_FCR, FCR_ENABLE);
	outb(base + UART_MCR, MCR_DTR_RTS_OUT2);
}

void serial_init(void)
{
	for (int i = 0; i < SERIAL_PORTS; i++)
		uart_init(port_base[i]);
}

/* A missing UART reads as all ones, THR empty included: bytes sent to a
 * port the machine does not have are lost, never waited for. */
static void put_raw(uint16_t base, char c)
{
	while (!(inb(base + UART_LSR) & LSR_THR_EMPTY))
		pause();
	outb(base + UART_DATA, c);
}

void serial_putc(enum serial_port port, char c)
{
	if (c == '\n' && onlcr[port])
		put_raw(port_base[port], '\r');
	put_raw(port_base[port], c);
}

void serial_set_onlcr(enum serial_port port, int on)
{
	onlcr[port] = on;
}

static void set_console_ier(uint8_t ier)
{
	console_ier = ier;
	outb(COM1 + UART_IER, ier);
}

void serial_enable_rx(void)
{
	set_console_ier(console_ier | IER_RX_READY);
}

void serial_irq_on_tx_empty(int on)
{
	set_console_ier(on ? console_ier | IER_TX_EMPTY : console_ier & ~IER_TX_EMPTY);
}

/* The next received byte, or -1 if none is waiting. */
int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(COM1 + UART_DATA);
}
