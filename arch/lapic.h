#ifndef ARCH_LAPIC_H
#define ARCH_LAPIC_H

#include <stdint.h>

/* Vectors of the local APIC's own interrupts (the ISA IRQs' are IRQ_BASE..). */
#define T_LAPIC_TIMER    48
#define T_TLB_SHOOTDOWN  49     /* mm/tlb.c: flush what another CPU asks */
#define T_RESCHEDULE     50     /* kernel/sched.c: new work; it only ends a hlt */
#define T_LAPIC_SPURIOUS 255    /* no EOI, nothing to do */

void lapic_map(void);                   /* once, on the boot CPU */
void lapic_calibrate(void);             /* once, on the boot CPU, after tsc_init */
void lapic_init(void);                  /* on every CPU, after irq_init: enable, start the timer */
uint32_t lapic_id(void);
void lapic_timer_irq(void);
void lapic_eoi(void);
void lapic_send_ipi(uint32_t apic_id, uint8_t vector);   /* fixed delivery */
void lapic_send_init(uint32_t apic_id);
void lapic_send_startup(uint32_t apic_id, uint8_t page);

#endif
