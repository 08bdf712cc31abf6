#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stdint.h>

struct cpu_features {
	int nx, smep, smap, pge, fxsr, sse2;
	char vendor[13];
};

extern struct cpu_features cpu_has;

void cpu_init(void);

/* SMAP: the kernel may touch user pages only between stac() and clac(). */
static inline void stac(void) { if (cpu_has.smap) __asm__ volatile("stac" ::: "memory", "cc"); }
static inline void clac(void) { if (cpu_has.smap) __asm__ volatile("clac" ::: "memory", "cc"); }

#endif
