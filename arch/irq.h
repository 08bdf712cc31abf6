#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

#include <stdint.h>
#include "arch/acpi.h"

#define IRQ_BASE        32      /* ISA IRQ n arrives as vector IRQ_BASE + n */
#define NR_IRQS         ISA_IRQS

/* What /proc/interrupts says of an IRQ that has a handler. */
struct irq_info {
	const char *name;               /* the handler's */
	const char *chip;               /* "IO-APIC" or "XT-PIC" */
	uint32_t pin;                   /* the GSI (IOAPIC) or the IRQ (PIC) */
	int level;                      /* level-triggered, else edge */
};

/* Chooses who delivers the ISA IRQs: the IOAPICs the MADT m lists, if
 * use_ioapic and one of them answers; else the PICs.  Once, on the boot
 * CPU, before lapic_init. */
void irq_init(const struct madt *m, int use_ioapic);
int irq_through_ioapic(void);
/* Calls handler for irq from now on, routed to the boot CPU: 0, or
 * -EINVAL if the IOAPICs have no pin for it. */
int irq_register(int irq, const char *name, void (*handler)(void));
void irq_dispatch(int irq);
/* 0 and *info for an IRQ with a handler, else -ENOENT. */
int irq_info(int irq, struct irq_info *info);
uint64_t irq_count(int cpu, int irq);   /* the times that CPU took it */

#endif
