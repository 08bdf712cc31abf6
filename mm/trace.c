/* The fault trace (mm/trace.h). */
#include "mm/trace.h"
#include "arch/trap.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "arch/percpu.h"

struct fault_trace fault_trace = { .next = 1 };

static const char *const action_names[] = {
	"zero-fill", "page-copy", "page-reuse", "table-copy", "table-reuse",
	"signal", "no-memory", "pmd-copy", "pmd-reuse", "pud-copy", "pud-reuse",
	"file-page", "tlb-page", "tlb-mm", "tlb-kernel",
};
#define NACTIONS (sizeof(action_names) / sizeof(action_names[0]))
#define ACCESS_WIDTH 17                 /* "write user   exec" */

/* The access column: a fault's kind of access, or what a shootdown is. */
static int format_access(const struct fault_event *e, char *buf, unsigned long size)
{
	if (e->cpus)
		return snprintf(buf, size, "%-*s", ACCESS_WIDTH, "shootdown");
	return snprintf(buf, size, "%-5s %-6s %-4s", e->err & PF_WRITE ? "write" : "read",
			e->err & PF_USER ? "user" : "kernel", e->err & PF_INSTR ? "exec" : "");
}

/* " cpus 1,2,3": the CPUs a shootdown asked; nothing for a fault. */
static int format_cpus(uint64_t cpus, char *buf, unsigned long size)
{
	const char *sep = " cpus ";
	int n = 0;

	for (int i = 0; i < NCPU_MAX && (unsigned long)n < size; i++)
		if (cpus & (1UL << i)) {
			n += snprintf(buf + n, size - n, "%s%d", sep, i);
			sep = ",";
		}
	return n;
}

int fault_event_format(const struct fault_event *e, char *buf, unsigned long size)
{
	int n = snprintf(buf, size, "%6lu %5d %016lx ", e->seq, e->pid, e->addr);

	if ((unsigned long)n < size)
		n += format_access(e, buf + n, size - n);
	if ((unsigned long)n < size)
		n += snprintf(buf + n, size - n, " %9lu ", e->cycles);
	for (unsigned i = 0; i < NACTIONS && (unsigned long)n < size; i++)
		if (e->actions & (1 << i))
			n += snprintf(buf + n, size - n, " %s", action_names[i]);
	if (!e->actions && (unsigned long)n < size)
		n += snprintf(buf + n, size - n, " none");
	if ((unsigned long)n < size)
		n += format_cpus(e->cpus, buf + n, size - n);
	return n;
}

/* Numbers e, keeps it in the ring, and prints it under trace=faults. */
static void append(struct fault_event e)
{
	char line[FAULT_LINE_MAX];

	e.seq = fault_trace.next++;
	e.pid = current ? current->pid : 0;
	fault_trace.ev[e.seq % FAULT_TRACE_SIZE] = e;
	if (fault_trace.print) {
		fault_event_format(&e, line, sizeof(line));
		kprintf("fault %s\n", line);
	}
}

/* Called once per fault, at its end; a gdb breakpoint here sees the event. */
void fault_trace_record(uint64_t addr, uint64_t err, unsigned actions, uint64_t cycles)
{
	append((struct fault_event){ .addr = addr, .cycles = cycles, .err = err,
				     .actions = actions });
}

void fault_trace_shootdown(uint64_t cpus, unsigned what, uint64_t addr, uint64_t cycles)
{
	append((struct fault_event){ .addr = addr, .cycles = cycles, .cpus = cpus,
				     .actions = what });
}
