/*
 * The ISA interrupts, IRQs 0-15, and what delivers them to the boot CPU.
 *
 *   with an IOAPIC:   device --> IOAPIC pin (the IRQ's GSI) --> local APIC
 *                     PICs remapped, then all masked; LINT0 masked;
 *                     EOI to the local APIC
 *   without one:      device --> 8259 PICs --> boot CPU's LINT0 (ExtINT,
 *                     "virtual wire"); EOI to the PICs
 *
 * An IRQ is masked until a handler is registered for it; the MADT's
 * interrupt source overrides say on which GSI it arrives and how its line
 * signals (arch/madt.c).  Either way it arrives on vector IRQ_BASE + irq,
 * at the boot CPU, whose trap_dispatch() runs the handler under the big
 * lock like any kernel code.  The EOI comes after the handler, so that,
 * for a level-triggered line, the IOAPIC signals again (it does if the
 * line is still held at the EOI) only what the handler left undone.
 */
#include "arch/irq.h"
#include "arch/ioapic.h"
#include "arch/lapic.h"
#include "arch/percpu.h"
#include "arch/pic.h"
#include "kernel/errno.h"
#include "kernel/printk.h"

static struct {
	void (*handler)(void);
	const char *name;
	uint64_t count[NCPU_MAX];       /* each CPU's own: no lock */
} irqs[NR_IRQS];
static struct isa_route routes[NR_IRQS];
static int via_ioapic;

void irq_init(const struct madt *m, int use_ioapic)
{
	if (m && use_ioapic && ioapic_init(m) > 0) {
		for (int irq = 0; irq < NR_IRQS; irq++)
			routes[irq] = m->isa[irq];
		pic_mask_all();
		via_ioapic = 1;
		pr_info("irq: ISA IRQs through the IOAPIC, the PICs masked\n");
	} else {
		pr_info("irq: ISA IRQs through the PICs, on the boot CPU's LINT0\n");
	}
}

int irq_through_ioapic(void)
{
	return via_ioapic;
}

int irq_register(int irq, const char *name, void (*handler)(void))
{
	irqs[irq].name = name;
	irqs[irq].handler = handler;
	if (!via_ioapic) {
		pic_unmask(irq);
		return 0;
	}
	if (!ioapic_route(&routes[irq], IRQ_BASE + irq, cpus[0].apic_id))
		return 0;
	irqs[irq].handler = NULL;
	pr_warn("irq: IRQ %d's GSI %u is on no IOAPIC; it stays off\n", irq, routes[irq].gsi);
	return -EINVAL;
}

void irq_dispatch(int irq)
{
	if (!via_ioapic && pic_spurious(irq))
		return;
	irqs[irq].count[this_cpu()->id]++;
	if (irqs[irq].handler)
		irqs[irq].handler();
	else
		pr_warn("unexpected IRQ %d\n", irq);
	if (via_ioapic)
		lapic_eoi();
	else
		pic_eoi(irq);
}

int irq_info(int irq, struct irq_info *info)
{
	if (!irqs[irq].handler)
		return -ENOENT;
	info->name = irqs[irq].name;
	info->chip = via_ioapic ? "IO-APIC" : "XT-PIC";
	info->pin = via_ioapic ? routes[irq].gsi : (uint32_t)irq;
	info->level = via_ioapic && routes[irq].level;
	return 0;
}

uint64_t irq_count(int cpu, int irq)
{
	return irqs[irq].count[cpu];
}
