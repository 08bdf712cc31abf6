/*
 * Ctrl-P on the console: one line per process, for a person wondering
 * what runs or why nothing does.  Called from the console's interrupt,
 * which comes only in user mode or idle, so no table is half changed.
 */
#include "kernel/proc.h"
#include "kernel/printk.h"
#include "kernel/tty.h"
#include "mm/mm.h"

#define LINE_MAX        96
#define KB_PER_PAGE     (PAGE_SIZE / 1024)

static const char *const state_names[] = {
	[UNUSED] = "unused", [RUNNABLE] = "runnable", [RUNNING] = "running",
	[SLEEPING] = "sleeping", [ZOMBIE] = "zombie",
};

static void dump_one(struct proc *p)
{
	struct mm_usage u = { 0 };
	char line[LINE_MAX];

	if (p->mm)
		mm_usage(p->mm, &u);
	snprintf(line, sizeof(line), "%5d %-8s %-16s %-4s %7lu kB %4lu\n",
		 p->pid, state_names[p->state], p->name, fork_mode_names[p->attr->fork_mode],
		 u.rss * KB_PER_PAGE, u.pt_shared);
	tty_puts(line);
}

void procdump(void)
{
	char head[LINE_MAX];

	snprintf(head, sizeof(head), "\n%5s %-8s %-16s %-4s %10s %s\n",
		 "PID", "STATE", "NAME", "MODE", "VmRSS", "SHARED-PTE-TABLES");
	tty_puts(head);
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);

		if (p && p->state != UNUSED)
			dump_one(p);
	}
}
