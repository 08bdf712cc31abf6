#ifndef ARCH_SMP_H
#define ARCH_SMP_H

#define TRAMPOLINE_PA   0x8000  /* arch/trampoline.asm; below 1 MiB, page-aligned */

struct bootinfo;

struct madt;

/* Starts the CPUs other than this one that the MADT m lists (none if m
 * is NULL; docs/smp.md). */
void smp_init(const struct bootinfo *bi, const struct madt *m);

#endif
