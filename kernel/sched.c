/*
 * The scheduler: round-robin over the process table, one run queue (the
 * table itself) for every CPU, under the big lock (kernel/biglock.h).
 *
 * Each CPU's scheduler_run() loops on its boot stack, picking the next
 * RUNNABLE process and switching to it; a process gives the CPU back by
 * switching to its CPU's scheduler context (sched()).  The big lock is
 * held across the switch, so the process switched away from cannot be
 * picked by another CPU while its stack is still in use.  With nothing to
 * run, a CPU lets the lock go and halts with interrupts on until its timer
 * or the console has news, or another CPU kicks it: a CPU that makes a
 * process runnable sends a reschedule IPI (T_RESCHEDULE) to one halted
 * CPU, whose handler only ends the hlt; the loop then picks the process
 * under the lock.
 *
 *   CPU 0 (big lock held)                 CPU 1 (idle(), lock let go)
 *   p->state = RUNNABLE                   halted = 1; drop lock; sti; hlt
 *   exchange(cpus[1].halted, 0) == 1
 *   IPI T_RESCHEDULE           ------->   sched_kicked(); hlt ends
 *   ... drops the lock                    take lock; pick_next() finds p
 *
 * The exchange makes one kick per halt: a second wakeup kicks another
 * halted CPU.  An IPI that lands before the hlt stays pending until sti,
 * and ends the hlt at once, so none is lost.  Each CPU's timer asks for a switch every tick; a process
 * takes it on its way back to user mode, so kernel code is never
 * preempted.
 */
#include <stddef.h>
#include "kernel/sched.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "arch/percpu.h"
#include "arch/gdt.h"
#include "arch/x86.h"
#include "arch/tsc.h"
#include "arch/lapic.h"
#include "kernel/biglock.h"

void swtch(uint64_t *save, uint64_t next);

static int last_slot;
static char timer_chan;
static uint64_t idle_ns;                /* time halted, all CPUs, for /proc/uptime */
static volatile int scheduling;         /* the APs wait for it (sched_start) */

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
	struct cpu *c = this_cpu();

	p->state = RUNNING;
	p->cpu = c->id;
	c->proc = p;
	tss_set_rsp0(p->kstack_top);
	c->block.kernel_rsp = p->kstack_top;
	mm_activate(p->mm);
	wrmsr(MSR_FS_BASE, p->fs_base);
	fpu_restore(&p->fpu);
	c->need_resched = 0;
	p->run_start = time_ns();
	swtch(&c->sched_context, p->context);
	p->usage.cpu_ns += time_ns() - p->run_start;
	fpu_save(&p->fpu);
	c->proc = NULL;
}

/* Halts until an interrupt, without the big lock.  Its CR3 holds no mm's
 * tables: one may be freed meanwhile, and none waits for it to flush.
 * halted is set under the lock, so a waker that holds it either made its
 * process runnable before pick_next() looked, or sees the flag. */
static void idle(void)
{
	struct cpu *c = this_cpu();
	uint64_t since = time_ns();

	__atomic_store_n(&c->halted, 1, __ATOMIC_SEQ_CST);
	big_lock_drop();
	sti();                  /* sti; hlt: no interrupt slips in between */
	hlt();
	cli();
	__atomic_store_n(&c->halted, 0, __ATOMIC_SEQ_CST);
	big_lock_take();
	idle_ns += time_ns() - since;
}

/* Lets the other CPUs run processes too; before it, they only idle. */
void sched_start(void)
{
	__atomic_store_n(&scheduling, 1, __ATOMIC_RELEASE);
}

int sched_started(void)
{
	return __atomic_load_n(&scheduling, __ATOMIC_ACQUIRE);
}

void scheduler_run(void)
{
	big_lock_take();
	for (;;) {
		struct proc *p;

		proc_power_off_if_done();
		p = pick_next();
		if (p) {
			sched_run(p);
			proc_free_detached(p);
			continue;
		}
		mm_activate(NULL);      /* out of any cpu_mask while it halts */
		idle();
	}
}

/* Back to the scheduler; the caller has set current->state. */
static void sched(void)
{
	swtch(&current->context, this_cpu()->sched_context);
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

/* Ends the hlt of one halted CPU other than this one, claiming its kick
 * so that the next wakeup picks another. */
static void kick_halted_cpu(void)
{
	struct cpu *self = this_cpu();

	for (int i = 0; i < ncpus; i++) {
		struct cpu *c = &cpus[i];

		if (c != self && __atomic_exchange_n(&c->halted, 0, __ATOMIC_SEQ_CST)) {
			lapic_send_ipi(c->apic_id, T_RESCHEDULE);
			return;
		}
	}
}

void sched_runnable(struct proc *p)
{
	p->state = RUNNABLE;
	kick_halted_cpu();
}

/* The kick's only work is done: the interrupt ended the hlt. */
void sched_kicked(void)
{
	this_cpu()->resched_ipis++;
	lapic_eoi();
}

void wakeup(void *chan)
{
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = proc_at(i);

		if (p && p->state == SLEEPING && p->chan == chan)
			sched_runnable(p);
	}
}

/* Wakes a sleeping process early, so that it notices a signal. */
void wake_process(struct proc *p)
{
	if (p->state == SLEEPING)
		sched_runnable(p);
}

void sched_tick(void)
{
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
	if (current && this_cpu()->need_resched)
		yield();
}

void *timer_channel(void)
{
	return &timer_chan;
}
