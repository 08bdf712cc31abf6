/*
 * The IOAPICs (Intel 82093AA I/O APIC datasheet): each turns what its
 * input pins signal into interrupt messages to the local APICs.  The MADT
 * lists them with the global system interrupt (GSI) of their first pin;
 * how many pins each has, it says itself in its version register.
 * forklab masks every pin, then routes only the ISA IRQs that a handler
 * is registered for (arch/irq.c), each to one CPU.
 *
 * Two registers in memory, reached with 32-bit accesses only:
 *
 *   base + 0x00  IOREGSEL  bits 7:0 select the register IOWIN reaches
 *   base + 0x10  IOWIN     the selected register's 32 bits
 *
 * and through them:
 *
 *   0x01       IOAPICVER  bits 23:16 the highest pin's number (pins - 1)
 *   0x10+2n    pin n's redirection entry, bits 31:0
 *   0x11+2n    pin n's redirection entry, bits 63:32
 *
 * A redirection entry:
 *
 *   63      56 55      17  16    15     14    13    12    11    10-8   7-0
 *  +----------+----------+-----+------+-----+-----+-----+-----+------+------+
 *  |   dest   | reserved | mask| trig | IRR | pol | busy| mode| deliv|vector|
 *  +----------+----------+-----+------+-----+-----+-----+-----+------+------+
 *   APIC id              1=off  1=lvl  (RO) 1=low (RO)  0=phys 000=fixed
 *
 * In physical mode the 82093AA reads the APIC id in bits 59:56; later
 * chipsets, with 8-bit xAPIC ids, read all of 63:56.  An id below 16 is
 * the same in both.  An entry is written with its mask set, high half
 * first, so that no half-written entry is ever live.
 */
#include "arch/ioapic.h"
#include "arch/acpi.h"
#include "kernel/errno.h"
#include "kernel/printk.h"
#include "mm/kmap.h"
#include "mm/layout.h"

#define IOREGSEL        0x00
#define IOWIN           0x10
#define REG_VER         0x01
#define REG_ENTRY_LO(pin) (0x10 + 2 * (pin))
#define REG_ENTRY_HI(pin) (0x11 + 2 * (pin))
#define PINS_REACHABLE  120             /* IOREGSEL's 8 bits end at entry 119's high half */
#define VER_MAX_PIN(v)  (((v) >> 16) & 0xff)
#define VER_ABSENT      0xffffffffU     /* what nothing at the address reads as */
#define ENTRY_ACTIVE_LOW (1U << 13)
#define ENTRY_LEVEL     (1U << 15)
#define ENTRY_MASKED    (1U << 16)
#define ENTRY_DEST_SHIFT 24             /* in the high half: bits 63:56 */

struct ioapic {
	volatile uint32_t *regs;
	uint32_t gsi_base, pins;
};

static struct ioapic chips[IOAPIC_MAX];
static int nchips;

static uint32_t rd(const struct ioapic *io, uint32_t reg)
{
	io->regs[IOREGSEL / 4] = reg;
	return io->regs[IOWIN / 4];
}

static void wr(const struct ioapic *io, uint32_t reg, uint32_t v)
{
	io->regs[IOREGSEL / 4] = reg;
	io->regs[IOWIN / 4] = v;
}

static void write_entry(const struct ioapic *io, uint32_t pin, uint32_t lo, uint32_t hi)
{
	wr(io, REG_ENTRY_LO(pin), ENTRY_MASKED);
	wr(io, REG_ENTRY_HI(pin), hi);
	wr(io, REG_ENTRY_LO(pin), lo);
}

/* Maps one IOAPIC and masks its pins, unless nothing answers there. */
static void add_chip(const struct madt_ioapic_info *info)
{
	struct ioapic *io = &chips[nchips];
	uint32_t ver;

	if (!kmap_direct_reaches(info->pa, PAGE_SIZE)) {
		pr_warn("ioapic: registers at %#lx, past the direct map\n", info->pa);
		return;
	}
	io->regs = kmap_mmio(info->pa);
	ver = rd(io, REG_VER);
	if (ver == VER_ABSENT) {
		pr_warn("ioapic: nothing answers at %#lx\n", info->pa);
		return;
	}
	io->gsi_base = info->gsi_base;
	io->pins = VER_MAX_PIN(ver) + 1;
	if (io->pins > PINS_REACHABLE) {
		pr_warn("ioapic: %u pins claimed at %#lx, %u reachable\n", io->pins, info->pa,
			PINS_REACHABLE);
		io->pins = PINS_REACHABLE;
	}
	for (uint32_t pin = 0; pin < io->pins; pin++)
		write_entry(io, pin, ENTRY_MASKED, 0);
	pr_info("ioapic: IOAPIC %u at %#lx, GSIs %u-%u, all masked\n",
		info->id, info->pa, io->gsi_base, io->gsi_base + io->pins - 1);
	nchips++;
}

int ioapic_init(const struct madt *m)
{
	for (int i = 0; i < m->nioapics; i++)
		add_chip(&m->ioapics[i]);
	if (m->overrides_ignored)
		pr_warn("ioapic: %d interrupt source overrides of no ISA IRQ or with reserved flags left out\n",
			m->overrides_ignored);
	if (m->ioapics_ignored)
		pr_warn("ioapic: %d IOAPICs past the %d forklab reads are left alone\n",
			m->ioapics_ignored, IOAPIC_MAX);
	return nchips;
}

static const struct ioapic *holding(uint32_t gsi)
{
	for (int i = 0; i < nchips; i++)
		if (gsi >= chips[i].gsi_base && gsi - chips[i].gsi_base < chips[i].pins)
			return &chips[i];
	return NULL;
}

int ioapic_route(const struct isa_route *r, uint8_t vector, uint32_t apic_id)
{
	const struct ioapic *io = holding(r->gsi);
	uint32_t lo = vector;           /* fixed delivery, physical destination */

	if (!io)
		return -EINVAL;
	if (r->level)
		lo |= ENTRY_LEVEL;
	if (r->active_low)
		lo |= ENTRY_ACTIVE_LOW;
	write_entry(io, r->gsi - io->gsi_base, lo, apic_id << ENTRY_DEST_SHIFT);
	return 0;
}
