#ifndef ARCH_TSC_H
#define ARCH_TSC_H

#include <stdint.h>

void tsc_init(void);
uint64_t tsc_hz(void);
uint64_t time_ns(void);          /* since tsc_init; 0 before it */
#define BOOT_EPOCH      1767225600L     /* the clock at boot, 2026-01-01: forklab keeps no calendar */
uint64_t cycles_to_ns(uint64_t cycles);
void udelay(uint64_t us);        /* spins on the TSC; after tsc_init */

#endif
