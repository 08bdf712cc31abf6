/*
 * The MADT parser (arch/madt.c) on tables made by hand: what a good one
 * lists, and the refusal of a damaged one (bad checksum, an entry cut
 * short by the table's end, an entry of length zero, a header that claims
 * more than there is).
 */
#include <string.h>
#include "tests/ktest.h"
#include "tests/kernel/acpi_seal.h"
#include "arch/acpi.h"
#include "kernel/errno.h"

#define TABLE_MAX       256
#define FIXED_LEN       44      /* the header, the LAPIC address and flags */
#define LAPIC_PA        0xfee00000U
#define IOAPIC_PA       0xfec00000U
#define ENABLED         1
#define ONLINE_CAPABLE  2
#define MADT_LAPIC      0       /* entry types, and their lengths */
#define MADT_IOAPIC     1
#define LAPIC_LEN       8
#define IOAPIC_LEN      12

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
	KEXPECT_EQ(m.ioapic_pa, IOAPIC_PA);
	KEXPECT_EQ(m.ioapic_id, 3);
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
