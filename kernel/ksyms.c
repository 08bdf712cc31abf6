/*
 * Symbol lookup for backtraces.  scripts/ksyms.sh writes the table from the
 * first link of the kernel into the .ksyms section of the second: addresses
 * sorted ascending, and for each the offset of its name in one string blob.
 */
#include <stddef.h>
#include <stdint.h>
#include "kernel/ksyms.h"
#include "mm/layout.h"

extern const uint64_t ksyms_count;
extern const uint64_t ksyms_addr[];
extern const uint32_t ksyms_name[];
extern const char ksyms_strings[];

const char *ksym_lookup(unsigned long addr, unsigned long *offset)
{
	uint64_t lo = 0, hi = ksyms_count;

	if (addr < (unsigned long)__text_start || addr >= (unsigned long)__text_end)
		return NULL;
	while (hi - lo > 1) {                   /* last symbol <= addr */
		uint64_t mid = (lo + hi) / 2;

		if (ksyms_addr[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (!ksyms_count || ksyms_addr[lo] > addr)
		return NULL;
	*offset = addr - ksyms_addr[lo];
	return ksyms_strings + ksyms_name[lo];
}
