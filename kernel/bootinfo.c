/*
 * Reading the multiboot2 boot information (multiboot2 spec, section 3.6):
 * a size, then 8-byte aligned tags (type, size, payload) up to an end tag.
 * We keep the command line, the usable RAM ranges, the modules and GRUB's
 * copy of ACPI's RSDP (arch/acpi.c), the newer form if there are both.
 */
#include "kernel/bootinfo.h"
#include "kernel/panic.h"
#include "mm/layout.h"

#define TAG_END         0
#define TAG_CMDLINE     1
#define TAG_MODULE      3
#define TAG_MMAP        6
#define TAG_ACPI_OLD    14      /* an ACPI 1.0 RSDP */
#define TAG_ACPI_NEW    15      /* an ACPI 2.0+ RSDP, with the XSDT */
#define MMAP_AVAILABLE  1
#define TAG_ALIGN       8

struct tag {
	uint32_t type, size;
};

struct tag_module {
	struct tag tag;
	uint32_t start, end;
	char name[];
};

struct tag_mmap {
	struct tag tag;
	uint32_t entry_size, entry_version;
};

struct mmap_entry {
	uint64_t base, len;
	uint32_t type, reserved;
};

/* Keep only whole pages, in address order (GRUB's order is the firmware's). */
static void add_ram(struct bootinfo *bi, uint64_t base, uint64_t len)
{
	uint64_t start = PAGE_ROUND_UP(base), end = PAGE_ROUND_DOWN(base + len);
	int i;

	if (start >= end || bi->nram == BOOT_MAX_RANGES)
		return;
	for (i = bi->nram; i > 0 && bi->ram[i - 1].start > start; i--)
		bi->ram[i] = bi->ram[i - 1];
	bi->ram[i] = (struct phys_range){ start, end };
	bi->nram++;
}

static void parse_mmap(struct bootinfo *bi, const struct tag_mmap *t)
{
	const char *p = (const char *)(t + 1), *end = (const char *)t + t->tag.size;

	for (; p + t->entry_size <= end; p += t->entry_size) {
		const struct mmap_entry *e = (const void *)p;

		if (e->type == MMAP_AVAILABLE)
			add_ram(bi, e->base, e->len);
	}
}

static void parse_module(struct bootinfo *bi, const struct tag_module *t)
{
	if (bi->nmodules == BOOT_MAX_MODULES)
		return;
	bi->modules[bi->nmodules].range = (struct phys_range){ t->start, t->end };
	bi->modules[bi->nmodules].name = t->name;
	bi->nmodules++;
}

static void parse_rsdp(struct bootinfo *bi, const struct tag *t)
{
	bi->rsdp = t + 1;
	bi->rsdp_len = t->size > sizeof(*t) ? t->size - sizeof(*t) : 0;
}

void bootinfo_parse(uint64_t info_pa, struct bootinfo *bi)
{
	const uint32_t *info = P2V(info_pa);
	const char *p = (const char *)(info + 2), *end = (const char *)info + info[0];

	bi->info = (struct phys_range){ info_pa, info_pa + info[0] };
	bi->cmdline = "";
	while (p < end) {
		const struct tag *t = (const void *)p;

		if (t->type == TAG_END)
			break;
		if (t->type == TAG_CMDLINE)
			bi->cmdline = (const char *)(t + 1);
		else if (t->type == TAG_MODULE)
			parse_module(bi, (const void *)t);
		else if (t->type == TAG_MMAP)
			parse_mmap(bi, (const void *)t);
		else if (t->type == TAG_ACPI_NEW ||
			 (t->type == TAG_ACPI_OLD && !bi->rsdp_len))
			parse_rsdp(bi, t);
		p += (t->size + TAG_ALIGN - 1) & ~(TAG_ALIGN - 1);
	}
	if (!bi->nram)
		panic("the boot loader reported no usable memory");
}
