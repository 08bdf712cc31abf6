#ifndef ARCH_SERIAL_H
#define ARCH_SERIAL_H

/* The two 16550 UARTs: COM1 is the console (programs' terminal), COM2 the
 * kernel's log.  Keeping them apart lets the host separate a program's
 * output from the kernel's messages. */
enum serial_port { SERIAL_CONSOLE, SERIAL_LOG, SERIAL_PORTS };

void serial_init(void);
void serial_putc(enum serial_port port, char c);
void serial_set_onlcr(enum serial_port port, int on);
void serial_enable_rx(void);
/* COM1 interrupts while its transmitter is empty (on), or no longer: its
 * interrupt without input, for tests (tests/kernel/ioapic.c). */
void serial_irq_on_tx_empty(int on);
int serial_getc(void);

#define IRQ_COM1        4

#endif
