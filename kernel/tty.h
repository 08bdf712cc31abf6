/* The console's terminal: line discipline and termios (kernel/tty.c). */
#ifndef KERNEL_TTY_H
#define KERNEL_TTY_H

struct file;

void tty_receive(unsigned char c);      /* a byte typed; interrupt context */
struct file *tty_open(void);            /* NULL when out of memory */
void tty_puts(const char *s);           /* kernel text, post-processed */
void tty_set_onlcr(int on);             /* the initial ONLCR (boot option) */

#endif
