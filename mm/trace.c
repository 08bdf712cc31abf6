/* The fault trace (mm/trace.h). */
#include "mm/trace.h"
#include "arch/trap.h"
#include "kernel/printk.h"
#include "kernel/proc.h"

struct fault_trace fault_trace = { .next = 1 };

static const char *const action_names[] = {
	"zero-fill", "page-copy", "page-reuse", "table-copy", "table-reuse",
	"signal", "no-memory", "pmd-copy", "pmd-reuse", "pud-copy", "pud-reuse",
	"file-page",
};
#define NACTIONS (sizeof(action_names) / sizeof(action_names[0]))

int fault_event_format(const struct fault_event *e, char *buf, unsigned long size)
{
	int n = snprintf(buf, size, "%6lu %5d %016lx %-5s %-6s %-4s %9lu ",
			 e->seq, e->pid, e->addr, e->err & PF_WRITE ? "write" : "read",
			 e->err & PF_USER ? "user" : "kernel", e->err & PF_INSTR ? "exec" : "",
			 e->cycles);

	for (unsigned i = 0; i < NACTIONS && (unsigned long)n < size; i++)
		if (e->actions & (1 << i))
			n += snprintf(buf + n, size - n, " %s", action_names[i]);
	if (!e->actions && (unsigned long)n < size)
		n += snprintf(buf + n, size - n, " none");
	return n;
}

/* Called once per fault, at its end; a gdb breakpoint here sees the event. */
void fault_trace_record(uint64_t addr, uint64_t err, unsigned actions, uint64_t cycles)
{
	struct fault_event *e = &fault_trace.ev[fault_trace.next % FAULT_TRACE_SIZE];
	char line[160];

	*e = (struct fault_event){ fault_trace.next++, addr, cycles,
				   current ? current->pid : 0, err, actions };
	if (fault_trace.print) {
		fault_event_format(e, line, sizeof(line));
		kprintf("fault %s\n", line);
	}
}
