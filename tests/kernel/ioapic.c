/*
 * The console's interrupt, live: with COM1 told to interrupt while its
 * transmitter is empty, IRQ 4 comes through whatever delivers it (the
 * IOAPIC, or the PICs with ioapic=0) to the boot CPU alone, once, and
 * reaches the handler registered for it.  It needs no input, so it runs
 * under Bochs too (the bochs suite), whose IOAPIC is modelled on the
 * 82093AA.
 */
#include "tests/ktest.h"
#include "arch/irq.h"
#include "arch/percpu.h"
#include "arch/serial.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "kernel/ktime.h"

#define WAIT_NS (5 * NS_PER_SEC)        /* generous: an emulator on a loaded host */

static int taken;

/* Turning the cause off drops the UART's line: one edge, one interrupt. */
static void tx_empty_irq(void)
{
	__atomic_store_n(&taken, taken + 1, __ATOMIC_RELEASE);
	serial_irq_on_tx_empty(0);
}

KTEST(ioapic, serial_irq_reaches_boot_cpu_alone)
{
	uint64_t start = time_ns();

	KEXPECT(read_rflags() & RFLAGS_IF);
	KEXPECT_EQ(irq_register(IRQ_COM1, "serial", tx_empty_irq), 0);
	serial_irq_on_tx_empty(1);
	while (!__atomic_load_n(&taken, __ATOMIC_ACQUIRE) && time_ns() - start < WAIT_NS)
		pause();
	KEXPECT_EQ(taken, 1);
	KEXPECT_EQ(irq_count(0, IRQ_COM1), 1);
	for (int cpu = 1; cpu < ncpus; cpu++)
		KEXPECT_EQ(irq_count(cpu, IRQ_COM1), 0);
}
