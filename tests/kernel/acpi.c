/*
 * From the RSDP to the MADT (arch/acpi.c), refusing what it cannot trust:
 * no RSDP, an RSDP whose checksum is wrong, and a root table past the
 * direct map's reach, which must be refused before a byte of it is read.
 */
#include <string.h>
#include "tests/ktest.h"
#include "tests/kernel/acpi_seal.h"
#include "arch/acpi.h"
#include "kernel/bootinfo.h"

#define RSDP_V1_LEN     20
#define RSDP_V2_LEN     36
#define RSDP_CHECKSUM   8       /* offsets of the fields */
#define RSDP_REVISION   15
#define RSDP_RSDT       16
#define RSDP_LENGTH     20
#define RSDP_XSDT       24
#define RSDP_EXT_CHECKSUM 32
#define RSDP_REV_XSDT   2
#define FAR_AWAY        (1UL << 46)     /* past any RAM a test machine has */

/* An RSDP of this revision naming an RSDT at rsdt_pa, its checksum right. */
static void make_rsdp(uint8_t *r, uint8_t revision, uint32_t rsdt_pa)
{
	memset(r, 0, RSDP_V1_LEN);
	memcpy(r, "RSD PTR ", 8);
	r[RSDP_REVISION] = revision;
	memcpy(r + RSDP_RSDT, &rsdt_pa, sizeof(rsdt_pa));
	acpi_seal(r, RSDP_V1_LEN, RSDP_CHECKSUM);
}

KTEST(acpi, no_rsdp)
{
	struct bootinfo bi = { 0 };
	uint32_t len;

	KEXPECT(!acpi_find_madt(&bi, &len));
}

KTEST(acpi, rsdp_bad_checksum)
{
	struct bootinfo bi = { 0 };
	uint8_t r[RSDP_V1_LEN];
	uint32_t len;

	make_rsdp(r, 0, 0);
	r[RSDP_CHECKSUM]++;
	bi.rsdp = r;
	bi.rsdp_len = sizeof(r);
	KEXPECT(!acpi_find_madt(&bi, &len));
	bi.rsdp_len = RSDP_V1_LEN - 1;          /* too short to be one */
	KEXPECT(!acpi_find_madt(&bi, &len));
}

/* A 32-bit RSDT cannot lie past 4 GiB, which the direct map always
 * covers, so the table far away is an XSDT.  Reading it would fault. */
KTEST(acpi, table_past_the_direct_map)
{
	struct bootinfo bi = { 0 };
	uint8_t r[RSDP_V2_LEN];
	uint64_t xsdt_pa = FAR_AWAY;
	uint32_t len;

	make_rsdp(r, RSDP_REV_XSDT, 0);
	memset(r + RSDP_V1_LEN, 0, RSDP_V2_LEN - RSDP_V1_LEN);
	r[RSDP_LENGTH] = RSDP_V2_LEN;
	memcpy(r + RSDP_XSDT, &xsdt_pa, sizeof(xsdt_pa));
	acpi_seal(r, RSDP_V2_LEN, RSDP_EXT_CHECKSUM);
	bi.rsdp = r;
	bi.rsdp_len = sizeof(r);
	KEXPECT(!acpi_find_madt(&bi, &len));
}
