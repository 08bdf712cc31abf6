/*
 * /proc/interrupts, in Linux's shape: a column per CPU, a row per ISA IRQ
 * that has a handler (who delivers it, on which pin, how its line
 * signals, the handler's name), then the local APICs' own interrupts:
 *
 *            CPU0       CPU1
 *     4:       17          0   IO-APIC   4-edge      serial
 *   LOC:      301        298   Local timer interrupts
 *   RES:        2          9   Rescheduling interrupts
 *   TLB:        0          4   TLB shootdowns
 *
 * TLB counts the shootdown requests a CPU answered, by IPI or by polling
 * while it waited for the big lock (mm/tlb.c).
 */
#include "kernel/procfs.h"
#include "kernel/printk.h"
#include "arch/irq.h"
#include "arch/percpu.h"

#define LABEL_WIDTH     3       /* "LOC" */
#define COUNT_WIDTH     10

/* The text's length after snprintf added len bytes to its n: what fits. */
static size_t grown(size_t n, int len)
{
	return n + len < PROCFS_TEXT_MAX ? n + len : PROCFS_TEXT_MAX - 1;
}

static size_t header(char *buf)
{
	size_t n = grown(0, snprintf(buf, PROCFS_TEXT_MAX, "%*s ", LABEL_WIDTH, ""));
	char name[sizeof("CPU") + 3 * sizeof(int)];

	for (int cpu = 0; cpu < ncpus; cpu++) {
		snprintf(name, sizeof(name), "CPU%d", cpu);
		n = grown(n, snprintf(buf + n, PROCFS_TEXT_MAX - n, " %*s", COUNT_WIDTH, name));
	}
	return grown(n, snprintf(buf + n, PROCFS_TEXT_MAX - n, "\n"));
}

static size_t irq_row(char *buf, size_t n, int irq)
{
	struct irq_info info;

	if (irq_info(irq, &info) < 0)
		return n;
	n = grown(n, snprintf(buf + n, PROCFS_TEXT_MAX - n, "%*d:", LABEL_WIDTH, irq));
	for (int cpu = 0; cpu < ncpus; cpu++)
		n = grown(n, snprintf(buf + n, PROCFS_TEXT_MAX - n, " %*lu", COUNT_WIDTH,
				      irq_count(cpu, irq)));
	return grown(n, snprintf(buf + n, PROCFS_TEXT_MAX - n, "  %8s %3u-%-8s  %s\n",
				 info.chip, info.pin, info.level ? "level" : "edge", info.name));
}

static uint64_t timer(const struct cpu *c) { return c->ticks; }
static uint64_t kicks(const struct cpu *c) { return c->resched_ipis; }
static uint64_t shootdowns(const struct cpu *c) { return c->tlb_flushes; }

static size_t cpu_row(char *buf, size_t n, const char *label,
		      uint64_t (*count)(const struct cpu *), const char *what)
{
	n = grown(n, snprintf(buf + n, PROCFS_TEXT_MAX - n, "%*s:", LABEL_WIDTH, label));
	for (int cpu = 0; cpu < ncpus; cpu++)
		n = grown(n, snprintf(buf + n, PROCFS_TEXT_MAX - n, " %*lu", COUNT_WIDTH,
				      count(&cpus[cpu])));
	return grown(n, snprintf(buf + n, PROCFS_TEXT_MAX - n, "   %s\n", what));
}

size_t procfs_interrupts(char *buf)
{
	size_t n = header(buf);

	for (int irq = 0; irq < NR_IRQS; irq++)
		n = irq_row(buf, n, irq);
	n = cpu_row(buf, n, "LOC", timer, "Local timer interrupts");
	n = cpu_row(buf, n, "RES", kicks, "Rescheduling interrupts");
	return cpu_row(buf, n, "TLB", shootdowns, "TLB shootdowns");
}
