/*
 * The MADT (ACPI spec 6.5, 5.2.12): after the header, the local APICs'
 * address and flags, then entries of a type and a length.  We take the
 * CPUs (local APIC and x2APIC entries that are enabled or online-capable),
 * the IOAPICs, the interrupt source overrides and an override of the local
 * APICs' address, and refuse a table whose checksum is wrong or whose
 * entries do not fit it: a length of zero (which would never end) or one
 * shorter than its type needs.  An interrupt source override that names
 * no ISA IRQ (bus 0, source below 16) or a reserved polarity or trigger
 * is left out and counted, the rest of the table kept:
 *
 *   byte  0     1      2    3       4..7   8..9
 *        type=2 len=10 bus  source  GSI    flags: bits 1:0 polarity,
 *                                                 bits 3:2 trigger mode
 *
 *   polarity  00 as the bus (ISA: high)  01 high  10 reserved  11 low
 *   trigger   00 as the bus (ISA: edge)  01 edge  10 reserved  11 level
 */
#include <string.h>
#include "arch/acpi.h"
#include "kernel/errno.h"

#define MADT_LAPIC      0
#define MADT_IOAPIC     1
#define MADT_OVERRIDE   2
#define MADT_LAPIC_ADDR 5
#define MADT_X2APIC     9
#define LAPIC_ENABLED   (1U << 0)
#define LAPIC_ONLINE_CAPABLE (1U << 1)
#define XAPIC_ID_MAX    254     /* 255 is the broadcast id */
#define BUS_ISA         0
#define INTI_POLARITY(f) ((f) & 3)
#define INTI_TRIGGER(f) (((f) >> 2) & 3)
#define INTI_RESERVED   2       /* in either field */
#define INTI_LOW        3       /* polarity: active low */
#define INTI_LEVEL      3       /* trigger: level */

struct madt_fixed {
	struct acpi_header h;
	uint32_t lapic_pa;
	uint32_t flags;
} __attribute__((packed));

struct madt_entry {
	uint8_t type, length;
} __attribute__((packed));

struct madt_lapic {
	struct madt_entry e;
	uint8_t processor_uid, apic_id;
	uint32_t flags;
} __attribute__((packed));

struct madt_ioapic {
	struct madt_entry e;
	uint8_t id, reserved;
	uint32_t pa, gsi_base;
} __attribute__((packed));

struct madt_override {
	struct madt_entry e;
	uint8_t bus, source;
	uint32_t gsi;
	uint16_t flags;
} __attribute__((packed));

struct madt_lapic_addr {
	struct madt_entry e;
	uint16_t reserved;
	uint64_t pa;
} __attribute__((packed));

struct madt_x2apic {
	struct madt_entry e;
	uint16_t reserved;
	uint32_t x2apic_id, flags, processor_uid;
} __attribute__((packed));

static void add_cpu(struct madt *m, uint32_t apic_id, uint32_t flags)
{
	if (!(flags & (LAPIC_ENABLED | LAPIC_ONLINE_CAPABLE)))
		return;
	if (m->ncpus == NCPU_MAX || apic_id > XAPIC_ID_MAX)
		m->cpus_ignored++;
	else
		m->apic_ids[m->ncpus++] = apic_id;
}

static void add_ioapic(struct madt *m, const struct madt_ioapic *io)
{
	if (m->nioapics == IOAPIC_MAX)
		m->ioapics_ignored++;
	else
		m->ioapics[m->nioapics++] = (struct madt_ioapic_info){ io->pa, io->id, io->gsi_base };
}

/* An override of no ISA IRQ, or with reserved flags, is left out and
 * counted: one odd route is no reason to lose the CPUs and the IOAPICs. */
static void add_override(struct madt *m, const struct madt_override *o)
{
	if (o->bus != BUS_ISA || o->source >= ISA_IRQS ||
	    INTI_POLARITY(o->flags) == INTI_RESERVED || INTI_TRIGGER(o->flags) == INTI_RESERVED) {
		m->overrides_ignored++;
		return;
	}
	m->isa[o->source] = (struct isa_route){ o->gsi, INTI_TRIGGER(o->flags) == INTI_LEVEL,
						INTI_POLARITY(o->flags) == INTI_LOW };
}

/* The size an entry of this type must have at least; 2 for those we skip. */
static unsigned entry_min(uint8_t type)
{
	switch (type) {
	case MADT_LAPIC: return sizeof(struct madt_lapic);
	case MADT_IOAPIC: return sizeof(struct madt_ioapic);
	case MADT_OVERRIDE: return sizeof(struct madt_override);
	case MADT_LAPIC_ADDR: return sizeof(struct madt_lapic_addr);
	case MADT_X2APIC: return sizeof(struct madt_x2apic);
	default: return sizeof(struct madt_entry);
	}
}

static int take_entry(struct madt *m, const struct madt_entry *e)
{
	switch (e->type) {
	case MADT_LAPIC:
		add_cpu(m, ((const struct madt_lapic *)e)->apic_id,
			((const struct madt_lapic *)e)->flags);
		break;
	case MADT_X2APIC:
		add_cpu(m, ((const struct madt_x2apic *)e)->x2apic_id,
			((const struct madt_x2apic *)e)->flags);
		break;
	case MADT_IOAPIC:
		add_ioapic(m, (const struct madt_ioapic *)e);
		break;
	case MADT_OVERRIDE:
		add_override(m, (const struct madt_override *)e);
		break;
	case MADT_LAPIC_ADDR:
		m->lapic_pa = ((const struct madt_lapic_addr *)e)->pa;
		break;
	}
	return 0;
}

/* Every ISA IRQ on its own GSI, as the ISA bus signals, until overridden. */
static void isa_identity(struct madt *m)
{
	for (int irq = 0; irq < ISA_IRQS; irq++)
		m->isa[irq] = (struct isa_route){ .gsi = irq };
}

int madt_parse(const void *t, uint64_t len, struct madt *m)
{
	const struct madt_fixed *f = t;
	const uint8_t *p = (const uint8_t *)(f + 1), *end;

	memset(m, 0, sizeof(*m));
	if (len < sizeof(*f) || f->h.length < sizeof(*f) || f->h.length > len ||
	    memcmp(f->h.signature, "APIC", 4) || !acpi_checksum_ok(f, f->h.length))
		return -EINVAL;
	m->lapic_pa = f->lapic_pa;
	isa_identity(m);
	for (end = (const uint8_t *)t + f->h.length; p < end; p += p[1]) {
		const struct madt_entry *e = (const void *)p;

		if (end - p < (long)sizeof(*e) || e->length < entry_min(e->type) ||
		    e->length > end - p || take_entry(m, e) < 0)
			return -EINVAL;
	}
	return 0;
}
