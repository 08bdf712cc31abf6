#ifndef ARCH_SMP_H
#define ARCH_SMP_H

#define TRAMPOLINE_PA   0x8000  /* arch/trampoline.asm; below 1 MiB, page-aligned */

struct bootinfo;

/* Finds the CPUs in ACPI's MADT and starts the others (docs/smp.md). */
void smp_init(const struct bootinfo *bi);

#endif
