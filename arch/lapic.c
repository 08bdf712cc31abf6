/*
 * The local APIC, in xAPIC mode (its registers in memory; Intel SDM vol. 3,
 * chapter 11): every CPU's timer, the INIT and start-up IPIs that wake
 * the others (arch/smp.c), and the IPIs of TLB shootdown (mm/tlb.c).
 *
 * The ISA interrupts come from the IOAPIC as messages; only on a machine
 * without one do the 8259 PICs deliver them, wired to the boot CPU's
 * LINT0 as ExtINT ("virtual wire" mode; arch/irq.c).  The PIT is used
 * only to calibrate the TSC; the LAPIC timer, calibrated against the TSC,
 * ticks at HZ on every CPU and ends the time slice of what that CPU runs.
 * The boot CPU's ticks are also the kernel's clock tick (ticks(),
 * sched_tick()).
 */
#include "arch/lapic.h"
#include "arch/irq.h"
#include "arch/percpu.h"
#include "arch/pit.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "kernel/ktime.h"
#include "kernel/sched.h"
#include "mm/kmap.h"

#define MSR_APIC_BASE    0x1b
#define APIC_BASE_ENABLE (1UL << 11)
#define APIC_BASE_ADDR   0x000ffffffffff000UL

#define LAPIC_ID         0x020
#define LAPIC_TPR        0x080
#define LAPIC_EOI        0x0b0
#define LAPIC_SVR        0x0f0
#define LAPIC_ICR_LO     0x300
#define LAPIC_ICR_HI     0x310
#define LAPIC_LVT_TIMER  0x320
#define LAPIC_LVT_LINT0  0x350
#define LAPIC_LVT_LINT1  0x360
#define LAPIC_LVT_ERROR  0x370
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR  0x390
#define LAPIC_TIMER_DIV  0x3e0

#define SVR_ENABLE       (1U << 8)
#define LVT_MASKED       (1U << 16)
#define LVT_PERIODIC     (1U << 17)
#define LVT_NMI          (4U << 8)
#define LVT_EXTINT       (7U << 8)
#define TIMER_DIV_16     0x3
#define ICR_INIT         (5U << 8)
#define ICR_STARTUP      (6U << 8)
#define ICR_PENDING      (1U << 12)
#define ICR_ASSERT       (1U << 14)
#define ICR_LEVEL        (1U << 15)
#define ICR_DEST_SHIFT   24
#define ID_SHIFT         24
#define TIMER_COUNT_MAX  0xffffffffU
#define CALIBRATE_MS     10
#define US_PER_MS        1000

static volatile uint32_t *regs;
static uint32_t timer_count;            /* the initial count for HZ */

static uint32_t rd(uint32_t reg) { return regs[reg / 4]; }
static void wr(uint32_t reg, uint32_t v) { regs[reg / 4] = v; }

void lapic_map(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);

	regs = kmap_mmio(base & APIC_BASE_ADDR);
}

uint32_t lapic_id(void)
{
	return rd(LAPIC_ID) >> ID_SHIFT;
}

/* How far the timer counts down (divided by 16) in CALIBRATE_MS of TSC time. */
void lapic_calibrate(void)
{
	uint32_t counted;

	wr(LAPIC_TIMER_DIV, TIMER_DIV_16);
	wr(LAPIC_LVT_TIMER, LVT_MASKED);
	wr(LAPIC_TIMER_INIT, TIMER_COUNT_MAX);
	udelay(CALIBRATE_MS * US_PER_MS);
	counted = TIMER_COUNT_MAX - rd(LAPIC_TIMER_CUR);
	wr(LAPIC_TIMER_INIT, 0);
	timer_count = (uint64_t)counted * (MS_PER_SEC / CALIBRATE_MS) / HZ;
}

/* The boot CPU takes NMIs on LINT1, and the PICs' interrupts on LINT0
 * when no IOAPIC delivers them; the others neither. */
void lapic_init(void)
{
	int boot = this_cpu() == &cpus[0];
	int virtual_wire = boot && !irq_through_ioapic();

	wrmsr(MSR_APIC_BASE, rdmsr(MSR_APIC_BASE) | APIC_BASE_ENABLE);
	wr(LAPIC_SVR, SVR_ENABLE | T_LAPIC_SPURIOUS);
	wr(LAPIC_TPR, 0);
	wr(LAPIC_LVT_LINT0, virtual_wire ? LVT_EXTINT : LVT_MASKED);
	wr(LAPIC_LVT_LINT1, boot ? LVT_NMI : LVT_MASKED);
	wr(LAPIC_LVT_ERROR, LVT_MASKED);
	wr(LAPIC_TIMER_DIV, TIMER_DIV_16);
	wr(LAPIC_LVT_TIMER, LVT_PERIODIC | T_LAPIC_TIMER);
	wr(LAPIC_TIMER_INIT, timer_count);
}

void lapic_eoi(void)
{
	wr(LAPIC_EOI, 0);
}

/* Every CPU's time slice ends with its tick; the boot CPU's ticks are also
 * the kernel's clock, handled under the big lock.  An AP's touches only
 * its own struct cpu, with or without it. */
void lapic_timer_irq(void)
{
	struct cpu *c = this_cpu();

	c->ticks++;
	c->need_resched = 1;
	wr(LAPIC_EOI, 0);
	if (c == &cpus[0])
		sched_tick();
}

uint64_t ticks(void)
{
	return cpus[0].ticks;
}

static void send_ipi(uint32_t apic_id, uint32_t icr)
{
	wr(LAPIC_ICR_HI, apic_id << ICR_DEST_SHIFT);
	wr(LAPIC_ICR_LO, icr);
	while (rd(LAPIC_ICR_LO) & ICR_PENDING)
		pause();
}

/* INIT, asserted then de-asserted (the old APICs need the second). */
void lapic_send_init(uint32_t apic_id)
{
	send_ipi(apic_id, ICR_INIT | ICR_LEVEL | ICR_ASSERT);
	send_ipi(apic_id, ICR_INIT | ICR_LEVEL);
}

void lapic_send_ipi(uint32_t apic_id, uint8_t vector)
{
	send_ipi(apic_id, vector);
}

/* A start-up IPI: the CPU starts in real mode at page << 12. */
void lapic_send_startup(uint32_t apic_id, uint8_t page)
{
	send_ipi(apic_id, ICR_STARTUP | page);
}
