/*
 * The GDT and the TSS.  In long mode segments are flat; the GDT only says
 * which privilege level code runs at.  The TSS holds the stack the CPU
 * switches to on entry from user mode (rsp0) and the IST stacks, used for
 * faults that must not trust the current stack (double fault, NMI, #MC,
 * and #DB, which may come on the first instruction of syscall_entry).
 * Each CPU has its own GDT, TSS and IST stacks (a TSS is marked busy in
 * the GDT that ltr loads it from, and rsp0 is the kernel stack of what
 * that CPU runs).
 */
#include <string.h>
#include "arch/gdt.h"
#include "arch/percpu.h"
#include "mm/layout.h"

#define IST_STACK_SIZE  (4 * PAGE_SIZE)
#define NR_IST          4

#define SEG_L           (1UL << 53)     /* 64-bit code */
#define SEG_DB          (1UL << 54)
#define SEG_G           (1UL << 55)
#define SEG_P           (1UL << 47)
#define SEG_S           (1UL << 44)     /* code or data, not system */
#define SEG_CODE        (1UL << 43)
#define SEG_RW          (1UL << 41)
#define SEG_DPL3        (3UL << 45)
#define SEG_LIMIT_MAX   0x000f00000000ffffUL
#define TSS_TYPE_AVAIL  (9UL << 40)

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

#define FLAT (SEG_P | SEG_S | SEG_G | SEG_LIMIT_MAX)
static const uint64_t gdt_template[] = {
	0,
	FLAT | SEG_CODE | SEG_RW | SEG_L,               /* SEL_KCODE */
	FLAT | SEG_RW | SEG_DB,                         /* SEL_KDATA */
	FLAT | SEG_RW | SEG_DB | SEG_DPL3,              /* SEL_UDATA */
	FLAT | SEG_CODE | SEG_RW | SEG_L | SEG_DPL3,    /* SEL_UCODE */
	0, 0,                                           /* SEL_TSS: 16 bytes */
};
#define GDT_ENTRIES (sizeof(gdt_template) / sizeof(gdt_template[0]))

static struct tss tss[NCPU_MAX];
static uint64_t gdts[NCPU_MAX][GDT_ENTRIES];
static uint8_t ist_stacks[NCPU_MAX][NR_IST][IST_STACK_SIZE] __attribute__((aligned(16)));

static void gdt_set_tss(uint64_t *gdt, const struct tss *t)
{
	uint64_t base = (uint64_t)t, limit = sizeof(*t) - 1;

	gdt[SEL_TSS / 8] = SEG_P | TSS_TYPE_AVAIL | (limit & 0xffff) |
		((base & 0xffffff) << 16) | ((base >> 24 & 0xff) << 56);
	gdt[SEL_TSS / 8 + 1] = base >> 32;
}

/* The calling CPU's GDT and TSS (this_cpu() must be set). */
void gdt_init(void)
{
	int id = this_cpu()->id;
	uint64_t *gdt = gdts[id];
	struct tss *t = &tss[id];
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) gdtr =
		{ sizeof(gdts[id]) - 1, (uint64_t)gdt };

	for (size_t i = 0; i < GDT_ENTRIES; i++)
		gdt[i] = gdt_template[i];
	for (int i = 0; i < NR_IST; i++)
		t->ist[i] = (uint64_t)ist_stacks[id][i] + IST_STACK_SIZE; /* slot i + 1 */
	t->iomap_base = sizeof(*t);             /* no I/O permission bitmap */
	gdt_set_tss(gdt, t);
	__asm__ volatile(
		"lgdt %0\n\t"
		"mov %1, %%ds\n\tmov %1, %%es\n\tmov %1, %%ss\n\t"
		"pushq %2\n\t"
		"lea 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"                       /* reload CS */
		"1:\n\t"
		"ltr %w3"
		:: "m"(gdtr), "r"(SEL_KDATA), "i"(SEL_KCODE), "r"(SEL_TSS) : "rax", "memory");
}

void tss_set_rsp0(uint64_t rsp0)
{
	tss[this_cpu()->id].rsp[0] = rsp0;
}
