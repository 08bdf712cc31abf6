#ifndef ARCH_POWEROFF_H
#define ARCH_POWEROFF_H

/*
 * Statuses the machine ends with.  QEMU's isa-debug-exit device turns a
 * value v written to it into the exit status (v << 1) | 1; we write status + 1
 * so that no kernel status looks like QEMU's own failure (exit status 1).
 * scripts/qemu.sh undoes this; nothing else knows the encoding.
 */
#define EXIT_OK         0
#define EXIT_FAIL       1
#define EXIT_MAX        125     /* highest status a program's can map to */
#define EXIT_PANIC      126

/* Power off, reporting `status` (0..EXIT_PANIC) to QEMU. */
void machine_exit(int status) __attribute__((noreturn));

#endif
