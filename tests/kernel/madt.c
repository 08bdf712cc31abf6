/*
 * The MADT parser (arch/madt.c) on tables made by hand: what a good one
 * lists, its interrupt source overrides applied, and the refusal of a
 * damaged one (bad checksum, an entry cut short by the table's end, an
 * entry of length zero or shorter than its type, a header that claims
 * more than there is).  An override of no ISA IRQ or with a reserved
 * polarity or trigger is left out, the rest of the table kept; one to a
 * GSI that no IOAPIC holds is read, and then refused by the IOAPIC code.
 */
#include <string.h>
#include "tests/ktest.h"
#include "tests/kernel/acpi_seal.h"
#include "arch/acpi.h"
#include "arch/ioapic.h"
#include "arch/irq.h"
#include "kernel/errno.h"
#include "mm/layout.h"

#define TABLE_MAX       256
#define FIXED_LEN       44      /* the header, the LAPIC address and flags */
#define LAPIC_PA        0xfee00000U
#define IOAPIC_PA       0xfec00000U
#define ENABLED         1
#define ONLINE_CAPABLE  2
#define MADT_LAPIC      0       /* entry types, and their lengths */
#define MADT_IOAPIC     1
#define MADT_OVERRIDE   2
#define LAPIC_LEN       8
#define IOAPIC_LEN      12
#define OVERRIDE_LEN    10
#define BUS_ISA         0
#define CONFORMS        0       /* override flags: as the ISA bus signals */
#define HIGH_EDGE       0x5     /* polarity 01, trigger 01 */
#define LOW_LEVEL       0xf     /* polarity 11, trigger 11 */
#define RESERVED_POLARITY 0x2
#define RESERVED_TRIGGER  0x8
#define PIN_PAST_ALL    1000    /* a GSI no IOAPIC of a PC holds */

struct table {
	uint8_t b[TABLE_MAX];
	uint32_t len;
};

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, sizeof(v)); }

/* Sets the length and makes the checksum right. */
static void seal(struct table *t)
{
	put32(t->b + offsetof(struct acpi_header, length), t->len);
	acpi_seal(t->b, t->len, offsetof(struct acpi_header, checksum));
}

static void start(struct table *t)
{
	memset(t, 0, sizeof(*t));
	memcpy(t->b, "APIC", 4);
	put32(t->b + sizeof(struct acpi_header), LAPIC_PA);
	t->len = FIXED_LEN;
}

/* Appends an entry of this type and length, zeroed but for its two-byte
 * header, and gives its bytes to fill in. */
static uint8_t *add_entry(struct table *t, uint8_t type, uint8_t len)
{
	uint8_t *e = t->b + t->len;

	e[0] = type;
	e[1] = len;
	t->len += len;
	return e;
}

static void add_lapic(struct table *t, uint8_t apic_id, uint32_t flags)
{
	uint8_t *e = add_entry(t, MADT_LAPIC, LAPIC_LEN);

	e[3] = apic_id;
	put32(e + 4, flags);
}

static void add_ioapic(struct table *t, uint8_t id, uint32_t pa)
{
	uint8_t *e = add_entry(t, MADT_IOAPIC, IOAPIC_LEN);

	e[2] = id;
	put32(e + 4, pa);
}

static void add_override(struct table *t, uint8_t bus, uint8_t irq, uint32_t gsi,
			 uint16_t flags)
{
	uint8_t *e = add_entry(t, MADT_OVERRIDE, OVERRIDE_LEN);

	e[2] = bus;
	e[3] = irq;
	put32(e + 4, gsi);
	memcpy(e + 8, &flags, sizeof(flags));
}

/* One CPU, one IOAPIC and an override of IRQ 4 as given; 0 if the
 * parser takes it. */
static int parse_override(struct madt *m, uint8_t bus, uint8_t irq, uint32_t gsi,
			  uint16_t flags)
{
	struct table t;

	start(&t);
	add_lapic(&t, 0, ENABLED);
	add_ioapic(&t, 3, IOAPIC_PA);
	add_override(&t, bus, irq, gsi, flags);
	seal(&t);
	return madt_parse(t.b, t.len, m);
}

static void good_table(struct table *t)
{
	start(t);
	add_lapic(t, 0, ENABLED);
	add_lapic(t, 1, 0);                     /* disabled: not a CPU */
	add_lapic(t, 2, ONLINE_CAPABLE);
	add_ioapic(t, 3, IOAPIC_PA);
	seal(t);
}

KTEST(madt, lists_cpus_and_ioapic)
{
	struct table t;
	struct madt m;

	good_table(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), 0);
	KEXPECT_EQ(m.lapic_pa, LAPIC_PA);
	KEXPECT_EQ(m.ncpus, 2);
	KEXPECT_EQ(m.apic_ids[0], 0);
	KEXPECT_EQ(m.apic_ids[1], 2);
	KEXPECT_EQ(m.nioapics, 1);
	KEXPECT_EQ(m.ioapics[0].pa, IOAPIC_PA);
	KEXPECT_EQ(m.ioapics[0].id, 3);
}

KTEST(madt, more_cpus_than_we_start)
{
	struct table t;
	struct madt m;

	start(&t);
	for (int i = 0; i < NCPU_MAX + 2; i++)
		add_lapic(&t, i, ENABLED);
	seal(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), 0);
	KEXPECT_EQ(m.ncpus, NCPU_MAX);
	KEXPECT_EQ(m.cpus_ignored, 2);
}

KTEST(madt, bad_checksum)
{
	struct table t;
	struct madt m;

	good_table(&t);
	t.b[FIXED_LEN + 3] ^= 1;                /* an APIC id, after sealing */
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), -EINVAL);
}

KTEST(madt, truncated_entry)
{
	struct table t;
	struct madt m;

	good_table(&t);
	t.len -= 4;                             /* the IOAPIC entry loses 4 bytes */
	seal(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), -EINVAL);
}

KTEST(madt, zero_length_entry)
{
	struct table t;
	struct madt m;

	good_table(&t);
	t.b[FIXED_LEN + 1] = 0;                 /* the first entry's length */
	seal(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), -EINVAL);
}

KTEST(madt, entry_shorter_than_its_type)
{
	struct table t;
	struct madt m;

	start(&t);
	add_lapic(&t, 0, ENABLED);
	t.b[FIXED_LEN + 1] = 4;                 /* a local APIC entry needs 8 */
	seal(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), -EINVAL);
}

KTEST(madt, header_longer_than_the_table)
{
	struct table t;
	struct madt m;

	good_table(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len - 1, &m), -EINVAL);
	KEXPECT_EQ(madt_parse(t.b, FIXED_LEN - 1, &m), -EINVAL);
}

KTEST(madt, several_ioapics)
{
	struct table t;
	struct madt m;

	start(&t);
	for (int i = 0; i < IOAPIC_MAX + 1; i++)
		add_ioapic(&t, i, IOAPIC_PA + i * PAGE_SIZE);
	seal(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), 0);
	KEXPECT_EQ(m.nioapics, IOAPIC_MAX);
	KEXPECT_EQ(m.ioapics_ignored, 1);
	KEXPECT_EQ(m.ioapics[IOAPIC_MAX - 1].pa, IOAPIC_PA + (IOAPIC_MAX - 1) * PAGE_SIZE);
}

KTEST(madt, isa_irqs_identity_without_overrides)
{
	struct table t;
	struct madt m;

	good_table(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), 0);
	for (int irq = 0; irq < ISA_IRQS; irq++) {
		KEXPECT_EQ(m.isa[irq].gsi, irq);
		KEXPECT(!m.isa[irq].level && !m.isa[irq].active_low);
	}
}

KTEST(madt, override_remaps_irq)
{
	struct madt m;

	KEXPECT_EQ(parse_override(&m, BUS_ISA, 4, 20, LOW_LEVEL), 0);
	KEXPECT_EQ(m.isa[4].gsi, 20);
	KEXPECT(m.isa[4].level && m.isa[4].active_low);
	KEXPECT_EQ(m.isa[3].gsi, 3);            /* the others keep their own */
	KEXPECT_EQ(parse_override(&m, BUS_ISA, 4, 2, HIGH_EDGE), 0);
	KEXPECT(m.isa[4].gsi == 2 && !m.isa[4].level && !m.isa[4].active_low);
	KEXPECT_EQ(parse_override(&m, BUS_ISA, 4, 4, CONFORMS), 0);
	KEXPECT(m.isa[4].gsi == 4 && !m.isa[4].level && !m.isa[4].active_low);
}

KTEST(madt, override_wrong_length)
{
	struct table t;
	struct madt m;

	start(&t);
	add_override(&t, BUS_ISA, 4, 4, CONFORMS);
	t.b[FIXED_LEN + 1] = OVERRIDE_LEN - 1;  /* its flags cut */
	t.len--;
	seal(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), -EINVAL);
	start(&t);
	add_override(&t, BUS_ISA, 4, 4, CONFORMS);
	t.len -= 2;                             /* the table ends inside it */
	seal(&t);
	KEXPECT_EQ(madt_parse(t.b, t.len, &m), -EINVAL);
}

/* Left out and counted; the table, its CPU and IOAPIC, still read. */
static void expect_override_ignored(uint8_t bus, uint8_t irq, uint16_t flags)
{
	struct madt m;

	KEXPECT_EQ(parse_override(&m, bus, irq, 20, flags), 0);
	KEXPECT_EQ(m.overrides_ignored, 1);
	KEXPECT_EQ(m.ncpus, 1);
	KEXPECT_EQ(m.nioapics, 1);
	KEXPECT_EQ(m.isa[4].gsi, 4);
}

KTEST(madt, override_of_no_isa_irq)
{
	expect_override_ignored(BUS_ISA + 1, 4, CONFORMS);
	expect_override_ignored(BUS_ISA, ISA_IRQS, CONFORMS);
}

KTEST(madt, override_reserved_flags)
{
	expect_override_ignored(BUS_ISA, 4, RESERVED_POLARITY);
	expect_override_ignored(BUS_ISA, 4, RESERVED_TRIGGER);
}

/* Read, then refused where it would be used: this machine's IOAPICs (or
 * none, with ioapic=0) hold no such pin, and nothing is written. */
KTEST(madt, override_gsi_outside_every_ioapic)
{
	struct madt m;

	KEXPECT_EQ(parse_override(&m, BUS_ISA, 4, PIN_PAST_ALL, CONFORMS), 0);
	KEXPECT_EQ(m.isa[4].gsi, PIN_PAST_ALL);
	KEXPECT_EQ(ioapic_route(&m.isa[4], IRQ_BASE + 4, 0), -EINVAL);
}
