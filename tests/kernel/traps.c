/* Exceptions: caught ones in test mode, and a forced panic. */
#include "tests/ktest.h"
#include "arch/trap.h"

KTEST(traps, breakpoint)
{
	trap_expect(T_BREAKPOINT, 0);           /* int3 resumes after itself */
	__asm__ volatile("int3");
	KEXPECT_EQ(trap_caught(), 1);
}

KTEST(traps, invalid_opcode)
{
	trap_expect(T_INVALID_OP, UD2_LEN);
	__asm__ volatile("ud2");
	KEXPECT_EQ(trap_caught(), 1);
}

/* Ends the machine: tests/run checks the panic report. */
KTEST_MANUAL(panic, pagefault)
{
	*(volatile uint64_t *)0x1000 = 1;       /* nothing maps the low half */
}

/* Ends the machine with a triple fault: the harness must report it. */
KTEST_MANUAL(crash, triple_fault)
{
	struct { uint16_t limit; uint64_t base; } __attribute__((packed)) empty = { 0, 0 };

	__asm__ volatile("lidt %0; int3" :: "m"(empty));
}
