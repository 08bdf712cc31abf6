/* For the ACPI tests' hand-made tables (tests/kernel/acpi.c, madt.c). */
#ifndef TESTS_KERNEL_ACPI_SEAL_H
#define TESTS_KERNEL_ACPI_SEAL_H

#include <stdint.h>

/* Sets b[at] so that the len bytes from b sum to 0, as ACPI's checksums
 * want. */
static inline void acpi_seal(uint8_t *b, uint32_t len, uint32_t at)
{
	uint8_t sum = 0;

	b[at] = 0;
	for (uint32_t i = 0; i < len; i++)
		sum += b[i];
	b[at] = -sum;
}

#endif
