#ifndef ARCH_PIT_H
#define ARCH_PIT_H

#include <stdint.h>

#define PIT_HZ  1193182         /* the PIT's input clock */
#define HZ      100             /* timer interrupts per second */

void pit_init(void);
uint64_t ticks(void);           /* timer interrupts since pit_init */

#endif
