#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

struct file;

void console_init(void);
struct file *console_open(void);        /* NULL when out of memory */
void console_putc(char c);

#endif
