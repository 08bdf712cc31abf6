#ifndef ARCH_GDT_H
#define ARCH_GDT_H

#include <stdint.h>

/*
 * Segment selectors.  The order is fixed by syscall/sysret: the kernel's data
 * selector follows its code selector, and the user's code selector follows
 * its data selector (Intel SDM vol. 2, SYSRET).
 */
#define SEL_KCODE       0x08
#define SEL_KDATA       0x10
#define SEL_UDATA       (0x18 | 3)
#define SEL_UCODE       (0x20 | 3)
#define SEL_TSS         0x28

/* Interrupt stack table slots (1-based, as the IDT gate counts them). */
#define IST_DOUBLE_FAULT 1
#define IST_NMI          2
#define IST_MACHINE_CHECK 3
#define IST_DEBUG        4       /* may hit syscall_entry's first instruction */

void gdt_init(void);
void tss_set_rsp0(uint64_t rsp0);

#endif
