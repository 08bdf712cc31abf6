/* Where every interrupt and exception lands: trap_dispatch(). */
#include "arch/trap.h"
#include "arch/pic.h"
#include "kernel/panic.h"

static const char *const names[T_NR_EXCEPTIONS] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range exceeded", "invalid opcode", "device not available",
	"double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 floating point", "alignment check",
	"machine check", "SIMD floating point", "virtualization",
	"control protection",
};

static struct {
	uint64_t vector;
	int skip;
	int armed;
	int caught;
} expect;

const char *trap_name(uint64_t vector)
{
	if (vector < T_NR_EXCEPTIONS && names[vector])
		return names[vector];
	return vector < T_NR_EXCEPTIONS ? "reserved" : "interrupt";
}

int trap_from_user(const struct trapframe *tf)
{
	return (tf->cs & 3) == 3;
}

void trap_expect(uint64_t vector, int skip)
{
	expect.vector = vector;
	expect.skip = skip;
	expect.caught = 0;
	expect.armed = 1;
}

int trap_caught(void)
{
	return expect.caught;
}

static int take_expected(struct trapframe *tf)
{
	if (!expect.armed || expect.vector != tf->vector)
		return 0;
	expect.armed = 0;
	expect.caught++;
	tf->rip += expect.skip;
	return 1;
}

static void exception(struct trapframe *tf)
{
	if (take_expected(tf))
		return;
	panic_trap(tf);
}

void trap_dispatch(struct trapframe *tf)
{
	if (tf->vector >= IRQ_BASE && tf->vector < IRQ_BASE + NR_IRQS)
		irq_dispatch(tf->vector - IRQ_BASE);
	else if (tf->vector < T_NR_EXCEPTIONS)
		exception(tf);
	else
		panic_trap(tf);
}
