#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <stdint.h>

struct cpu_features {
	int nx, smep, smap, pge, fxsr, sse2;
	char vendor[13];
	char hypervisor[13];            /* "TCGTCGTCGTCG" (QEMU), "KVMKVMKVM", or "" */
};

extern struct cpu_features cpu_has;

/* What the syscall entry finds through gs (arch/cpu_block.inc has the
 * offsets): the running process's kernel stack, and room for the user rsp.
 * It begins each CPU's struct cpu (arch/percpu.h). */
struct cpu_block {
	uint64_t kernel_rsp;
	uint64_t user_rsp;
};

void cpu_init(void);                    /* the boot CPU: features, then cpu_setup */
void cpu_setup(void);                   /* NX, WP, SMEP, SMAP, SSE, AM on this CPU */
void syscall_init(void);

/* SMAP: the kernel may touch user pages only between stac() and clac(). */
static inline void stac(void) { if (cpu_has.smap) __asm__ volatile("stac" ::: "memory", "cc"); }
static inline void clac(void) { if (cpu_has.smap) __asm__ volatile("clac" ::: "memory", "cc"); }

#endif
