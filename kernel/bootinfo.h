#ifndef KERNEL_BOOTINFO_H
#define KERNEL_BOOTINFO_H

#include <stdint.h>

#define BOOT_MAX_RANGES 64
#define BOOT_MAX_MODULES 4

struct phys_range {
	uint64_t start, end;            /* [start, end) */
};

struct boot_module {
	struct phys_range range;
	const char *name;               /* GRUB's module2 string */
};

/* What GRUB told us, copied out of the multiboot2 information. */
struct bootinfo {
	const char *cmdline;
	struct phys_range ram[BOOT_MAX_RANGES];         /* usable RAM, sorted */
	int nram;
	struct boot_module modules[BOOT_MAX_MODULES];
	int nmodules;
	struct phys_range info;         /* the multiboot2 information itself */
	const void *rsdp;               /* ACPI's RSDP, copied by GRUB, or NULL */
	uint32_t rsdp_len;
};

void bootinfo_parse(uint64_t info_pa, struct bootinfo *bi);

#endif
