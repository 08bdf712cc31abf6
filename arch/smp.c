/*
 * Starting the other CPUs (Intel SDM vol. 3, 9.4 "Multiple-processor
 * initialization"; docs/smp.md draws it).  The boot CPU (BSP) reads the
 * MADT, copies the trampoline (arch/trampoline.asm) to TRAMPOLINE_PA, a
 * page below 1 MiB that the frame allocator never hands out, and wakes
 * each application processor (AP) in turn: INIT, 10 ms, then two
 * start-up IPIs 200 us apart.  The AP comes up in real mode, reaches long
 * mode through the trampoline and runs ap_main(), which sets the CPU up
 * like the boot CPU and marks it online; the BSP waits for that mark
 * before it reuses the trampoline's arguments for the next AP.  The mark
 * is stored with release order and read with acquire order, so that all
 * the AP did before it is visible to the BSP after.
 *
 * An AP idles until the boot CPU starts scheduling (sched_start), then
 * runs its own scheduler loop: processes and threads run on every CPU.
 */
#include <string.h>
#include "arch/smp.h"
#include "arch/acpi.h"
#include "arch/cpu.h"
#include "arch/gdt.h"
#include "arch/lapic.h"
#include "arch/percpu.h"
#include "arch/trap.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "kernel/bootinfo.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "mm/kmap.h"
#include "mm/layout.h"

#define AP_STACK_SIZE    (4 * PAGE_SIZE)
#define INIT_DELAY_US    10000
#define STARTUP_DELAY_US 200
#define STARTUP_IPIS     2
#define AP_WAIT_NS       5000000000UL   /* generous: TCG on a loaded host */

/* arch/trampoline.asm's last bytes. */
struct trampoline_args {
	uint64_t cr3;                   /* the boot page tables, below 4 GiB */
	uint64_t stack;
	uint64_t entry;
	uint64_t cpu;                   /* ap_main's argument */
};

extern const char trampoline_start[], trampoline_end[], trampoline_args[];
extern char boot_pgd[];                 /* boot/entry.asm: linked at its physical address */

static uint8_t ap_stacks[NCPU_MAX][AP_STACK_SIZE] __attribute__((aligned(16)));

static void __attribute__((noreturn)) ap_main(struct cpu *c)
{
	cpu_setup();
	write_cr3(V2P(kernel_pgd));
	percpu_init(c);
	gdt_init();
	idt_load();
	syscall_init();
	lapic_init();
	__atomic_store_n(&c->online, 1, __ATOMIC_RELEASE);
	pr_info("smp: CPU %d (APIC id %u) online\n", c->id, c->apic_id);
	while (!sched_started()) {      /* the boot CPU may still run its tests */
		sti();
		hlt();
		cli();
	}
	scheduler_run();
}

static struct trampoline_args *args(void)
{
	return P2V(TRAMPOLINE_PA + (trampoline_args - trampoline_start));
}

/* Does the trampoline's page hold anything GRUB gave us? */
static int trampoline_page_busy(const struct bootinfo *bi)
{
	uint64_t end = TRAMPOLINE_PA + PAGE_SIZE;

	for (int i = 0; i < bi->nmodules; i++)
		if (bi->modules[i].range.start < end && TRAMPOLINE_PA < bi->modules[i].range.end)
			return 1;
	return bi->info.start < end && TRAMPOLINE_PA < bi->info.end;
}

static int start_ap(struct cpu *c, uint32_t apic_id)
{
	struct trampoline_args *a = args();
	uint64_t start;

	c->id = c - cpus;
	c->apic_id = apic_id;
	a->cr3 = (uint64_t)boot_pgd;
	a->stack = (uint64_t)ap_stacks[c->id] + AP_STACK_SIZE;
	a->entry = (uint64_t)ap_main;
	a->cpu = (uint64_t)c;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	lapic_send_init(apic_id);
	udelay(INIT_DELAY_US);
	for (int i = 0; i < STARTUP_IPIS; i++) {
		lapic_send_startup(apic_id, TRAMPOLINE_PA >> PAGE_SHIFT);
		udelay(STARTUP_DELAY_US);
	}
	start = time_ns();
	while (!__atomic_load_n(&c->online, __ATOMIC_ACQUIRE) && time_ns() - start < AP_WAIT_NS)
		pause();
	return c->online;
}

/* Starts the MADT's CPUs other than this one; stops at the first that
 * does not answer, which might still wake later on the same arguments. */
static void start_aps(const struct madt *m)
{
	for (int i = 0; i < m->ncpus && ncpus < NCPU_MAX; i++) {
		if (m->apic_ids[i] == cpus[0].apic_id)
			continue;
		if (!start_ap(&cpus[ncpus], m->apic_ids[i])) {
			pr_warn("smp: the CPU of APIC id %u did not start\n", m->apic_ids[i]);
			return;
		}
		ncpus++;
	}
}

void smp_init(const struct bootinfo *bi, const struct madt *m)
{
	cpus[0].apic_id = lapic_id();
	cpus[0].online = 1;
	if (!m)
		return;
	pr_info("smp: the MADT lists %d CPUs, their local APICs at %#lx\n",
		m->ncpus, m->lapic_pa);
	if (m->cpus_ignored)
		pr_warn("smp: %d CPUs past the %d forklab starts are left asleep\n",
			m->cpus_ignored, NCPU_MAX);
	if (trampoline_page_busy(bi)) {
		pr_warn("smp: the boot loader's data is where the trampoline goes; one CPU\n");
		return;
	}
	memcpy(P2V(TRAMPOLINE_PA), trampoline_start, trampoline_end - trampoline_start);
	start_aps(m);
}
