#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

struct trapframe;

void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void panic_trap(struct trapframe *tf) __attribute__((noreturn));
void backtrace(unsigned long rip, unsigned long rbp);
void print_pf_error(unsigned long addr, unsigned long err);
/* What a panic does once it has reported: stop the CPU, or end the machine
 * with EXIT_PANIC (tests and `make run CMD=`); set by `panic=halt|exit`. */
void panic_set_halt(int halt);

#define ASSERT(c) \
	do { if (!(c)) panic("%s:%d: assertion failed: %s", __FILE__, __LINE__, #c); } while (0)

#endif
