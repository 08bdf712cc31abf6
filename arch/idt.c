/*
 * The IDT: every vector points at its stub in arch/vectors.asm.  All gates
 * are interrupt gates (interrupts off on entry); int3 and into may be raised
 * from user mode, everything else only by the CPU or hardware.
 */
#include <stdint.h>
#include "arch/trap.h"
#include "arch/gdt.h"

#define NR_VECTORS      256
#define GATE_INTR       (0xeUL << 40)
#define GATE_P          (1UL << 47)
#define GATE_DPL3       (3UL << 45)

struct gate {
	uint64_t lo, hi;
};

extern const uint64_t trap_stubs[NR_VECTORS];
static struct gate idt[NR_VECTORS];

static struct gate make_gate(uint64_t handler, int ist, int user)
{
	struct gate g;

	g.lo = (handler & 0xffff) | ((uint64_t)SEL_KCODE << 16) | ((uint64_t)ist << 32) |
		GATE_INTR | GATE_P | (user ? GATE_DPL3 : 0) | ((handler >> 16 & 0xffff) << 48);
	g.hi = handler >> 32;
	return g;
}

static int gate_ist(int v)
{
	switch (v) {
	case T_DOUBLE_FAULT: return IST_DOUBLE_FAULT;
	case T_NMI: return IST_NMI;
	case T_MACHINE_CHECK: return IST_MACHINE_CHECK;
	case T_DEBUG: return IST_DEBUG;
	default: return 0;
	}
}

/* Every CPU loads the one IDT. */
void idt_load(void)
{
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) idtr =
		{ sizeof(idt) - 1, (uint64_t)idt };

	__asm__ volatile("lidt %0" :: "m"(idtr));
}

void idt_init(void)
{
	for (int v = 0; v < NR_VECTORS; v++)
		idt[v] = make_gate(trap_stubs[v], gate_ist(v),
				   v == T_BREAKPOINT || v == T_OVERFLOW);
	idt_load();
}
