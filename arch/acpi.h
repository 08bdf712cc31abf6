/*
 * What forklab reads of ACPI (ACPI spec 6.5, chapter 5): GRUB's copy of
 * the RSDP leads to the RSDT or XSDT, which lists the tables; of those we
 * read only the MADT, the list of the CPUs' local APICs, the IOAPICs and
 * the ISA IRQs moved to other pins (interrupt source overrides).
 * Every table's checksum is checked, and one that is damaged, or lies
 * where the direct map does not reach, is refused: then forklab runs on
 * the boot CPU alone, its interrupts through the 8259 PICs.
 */
#ifndef ARCH_ACPI_H
#define ARCH_ACPI_H

#include <stdint.h>
#include "arch/percpu.h"

struct bootinfo;

/* The header every ACPI table (an SDT) starts with. */
struct acpi_header {
	char signature[4];
	uint32_t length;                /* of the whole table, header included */
	uint8_t revision;
	uint8_t checksum;               /* makes the bytes of the table sum to 0 */
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __attribute__((packed));

#define IOAPIC_MAX      8
#define ISA_IRQS        16

struct madt_ioapic_info {
	uint64_t pa;                    /* its registers */
	uint32_t id;
	uint32_t gsi_base;              /* the GSI of its first input pin */
};

/* Where an ISA IRQ arrives: its GSI (the system-wide number of an IOAPIC
 * pin: that IOAPIC's GSI base plus the pin) and how its line signals.
 * Without an override, as on the ISA bus: GSI = IRQ, edge, active high. */
struct isa_route {
	uint32_t gsi;
	uint8_t level;                  /* 1: level-triggered, 0: edge */
	uint8_t active_low;             /* 1: active low, 0: active high */
};

/* What the MADT says (arch/madt.c). */
struct madt {
	uint64_t lapic_pa;              /* the local APICs' registers */
	int ncpus;                      /* local APICs enabled or online-capable */
	uint32_t apic_ids[NCPU_MAX];
	int cpus_ignored;               /* past NCPU_MAX, or x2APIC ids past 255 */
	int nioapics;                   /* at most IOAPIC_MAX, in the MADT's order */
	struct madt_ioapic_info ioapics[IOAPIC_MAX];
	int ioapics_ignored;            /* past IOAPIC_MAX */
	int overrides_ignored;          /* of no ISA IRQ, or with reserved flags */
	struct isa_route isa[ISA_IRQS]; /* the interrupt source overrides applied */
};

int acpi_checksum_ok(const void *p, uint64_t len);
/* The MADT's text in the direct map (and its length in *len), or NULL. */
const struct acpi_header *acpi_find_madt(const struct bootinfo *bi, uint32_t *len);
/* Reads the MADT of len bytes at t into m: 0, or -EINVAL if it is damaged. */
int madt_parse(const void *t, uint64_t len, struct madt *m);
/* The machine's MADT, found and read into m: m, or NULL (with a warning)
 * if there is none or it is damaged. */
const struct madt *acpi_read_madt(const struct bootinfo *bi, struct madt *m);

#endif
