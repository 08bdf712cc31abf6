#ifndef ARCH_PIT_H
#define ARCH_PIT_H

#include <stdint.h>

#define PIT_HZ  1193182         /* the PIT's input clock */
#define HZ      100             /* timer interrupts per second */

/* The boot CPU's timer interrupts since boot (arch/lapic.c): the PIT
 * itself only calibrates the TSC (arch/tsc.c). */
uint64_t ticks(void);

#endif
