#ifndef ARCH_SERIAL_H
#define ARCH_SERIAL_H

void serial_init(void);
void serial_putc(char c);
void serial_enable_rx(void);
int serial_getc(void);

#define IRQ_COM1        4

#endif
