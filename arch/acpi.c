/*
 * From the RSDP to the MADT (arch/acpi.h).  An ACPI 2.0 RSDP gives the
 * XSDT (64-bit table addresses), an ACPI 1.0 one only the RSDT (32-bit);
 * both list the other tables after their header.
 */
#include <string.h>
#include "arch/acpi.h"
#include "kernel/bootinfo.h"
#include "kernel/printk.h"
#include "mm/kmap.h"
#include "mm/layout.h"

#define RSDP_V1_LEN     20      /* the part the checksum covers */
#define RSDP_V2_LEN     36      /* the whole, which the extended one covers */
#define RSDP_REV_XSDT   2       /* revisions from 2 on have the XSDT */

struct rsdp {
	char signature[8];              /* "RSD PTR " */
	uint8_t checksum;
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt_pa;
	uint32_t length;                /* from here on: revision 2 and later */
	uint64_t xsdt_pa;
	uint8_t ext_checksum;
	uint8_t reserved[3];
} __attribute__((packed));

int acpi_checksum_ok(const void *p, uint64_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

/* The table at pa with signature sig, whole and checked, or NULL. */
static const struct acpi_header *table_at(uint64_t pa, const char *sig)
{
	const struct acpi_header *h = P2V(pa);

	if (!kmap_direct_reaches(pa, sizeof(*h)) || !kmap_direct_reaches(pa, h->length)) {
		pr_warn("acpi: a table at %#lx is past the direct map\n", pa);
		return NULL;
	}
	if (memcmp(h->signature, sig, sizeof(h->signature)))
		return NULL;
	if (h->length < sizeof(*h) || !acpi_checksum_ok(h, h->length)) {
		pr_warn("acpi: the %s at %#lx is damaged\n", sig, pa);
		return NULL;
	}
	return h;
}

/* The root table (XSDT or RSDT) and the size of its entries, or NULL. */
static const struct acpi_header *root_table(const struct bootinfo *bi, int *entry_size)
{
	const struct rsdp *r = bi->rsdp;

	if (!r || bi->rsdp_len < RSDP_V1_LEN || memcmp(r->signature, "RSD PTR ", 8) ||
	    !acpi_checksum_ok(r, RSDP_V1_LEN)) {
		pr_warn("acpi: no valid RSDP from the boot loader\n");
		return NULL;
	}
	if (r->revision >= RSDP_REV_XSDT && bi->rsdp_len >= RSDP_V2_LEN &&
	    r->xsdt_pa && acpi_checksum_ok(r, RSDP_V2_LEN)) {
		*entry_size = sizeof(uint64_t);
		return table_at(r->xsdt_pa, "XSDT");
	}
	*entry_size = sizeof(uint32_t);
	return table_at(r->rsdt_pa, "RSDT");
}

const struct acpi_header *acpi_find_madt(const struct bootinfo *bi, uint32_t *len)
{
	int size;
	const struct acpi_header *root = root_table(bi, &size);
	const uint8_t *e;

	if (!root)
		return NULL;
	e = (const uint8_t *)(root + 1);
	for (; e + size <= (const uint8_t *)root + root->length; e += size) {
		uint64_t pa = 0;
		const struct acpi_header *t;

		memcpy(&pa, e, size);   /* little-endian: 4 or 8 bytes */
		t = pa ? table_at(pa, "APIC") : NULL;
		if (t) {
			*len = t->length;
			return t;
		}
	}
	pr_warn("acpi: no MADT\n");
	return NULL;
}

const struct madt *acpi_read_madt(const struct bootinfo *bi, struct madt *m)
{
	uint32_t len;
	const struct acpi_header *t = acpi_find_madt(bi, &len);

	if (!t || madt_parse(t, len, m) < 0) {
		pr_warn("acpi: no usable MADT: one CPU, the PICs for interrupts\n");
		return NULL;
	}
	return m;
}
