/*
 * The scheduler: round-robin over the process table, on one CPU.
 *
 * scheduler_run() loops on the boot stack, picking the next RUNNABLE
 * process and switching to it; a process gives the CPU back by switching to
 * the scheduler's context (sched()).  With nothing to run it halts with
 * interrupts on until the timer or the console has news.  The timer asks
 * for a switch every tick; a process takes it on its way back to user mode,
 * so kernel code is never preempted.
 */
#include <stddef.h>
#include "kernel/sched.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "arch/percpu.h"
#include "arch/gdt.h"
#include "arch/x86.h"
#include "arch/tsc.h"

void swtch(uint64_t *save, uint64_t next);

struct proc *current;
static uint64_t scheduler_context;
static int need_resched;
static int last_slot;
static char timer_chan;
static uint64_t idle_ns, idle_since;    /* time halted, for /proc/uptime */

static struct proc *pick_next(void)
{
	for (int i = 1; i <= NPROC; i++) {
		struct proc *p = proc_at((last_slot + i) % NPROC);

		if (p && p->state == RUNNABLE) {
			last_slot = p->slot;
			return p;
		}
	}
	return NULL;
}

/* Runs p until it gives the CPU back (the scheduler's loop; kernel tests). */
void sched_run(struct proc *p)
{
	p->state = RUNNING;
	current = p;
	tss_set_rsp0(p->kstack_top);
	this_cpu()->block.kernel_rsp = p->kstack_top;
	mm_activate(p->mm);
	wrmsr(MSR_FS_BASE, p->fs_base);
	fpu_restore(&p->fpu);
	need_resched = 0;
	p->run_start = time_ns();
	swtch(&scheduler_context, p->context);
	p->usage.cpu_ns += time_ns() - p->run_start;
	fpu_save(&p->fpu);
	current = NULL;
}

void scheduler_run(void)
{
	for (;;) {
		struct proc *p;

		proc_power_off_if_done();
		p = pick_next();
		if (p) {
			sched_run(p);
			proc_free_detached(p);
			continue;
		}
		idle_since = time_ns();
		sti();                  /* idle until an interrupt makes work */
		hlt();
		cli();
		idle_ns += time_ns() - idle_since;
	}
}

/* Back to the scheduler; the caller has set current->state. */
static void sched(void)
{
	swtch(&current->context, scheduler_context);
}

void yield(void)
{
	current->state = RUNNABLE;
	sched();
}

void sched_exit(void)
{
	sched();
	__builtin_unreachable();
}

int sleep_on(void *chan)
{
	if (signal_pending(current))
		return -EINTR;
	current->chan = chan;
	current->state = SLEEPING;
	sched();
	current->chan = NULL;
	return signal_pending(current) ? -EINTR : 0;
}

int sleep_killable(void *chan)
{
	if (current->killed)
		return -EINTR;
	current->chan = chan;
	current->state = SLEEPING;
	sched();
	current->chan = NULL;
	return current->killed ? -EINTR : 0;
}

void wakeup(void *chan)
{
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);

		if (p && p->state == SLEEPING && p->chan == chan)
			p->state = RUNNABLE;
	}
}

/* Wakes a sleeping process early, so that it notices a signal. */
void wake_process(struct proc *p)
{
	if (p->state == SLEEPING)
		p->state = RUNNABLE;
}

void sched_tick(void)
{
	need_resched = 1;
	wakeup(&timer_chan);
	signal_tick();
	loadavg_tick();
}

uint64_t sched_idle_ns(void)
{
	return idle_ns;
}

void preempt_point(void)
{
	if (need_resched && current)
		yield();
}

void *timer_channel(void)
{
	return &timer_chan;
}
