/*
 * Per-CPU data: one struct cpu for each CPU, found through the GS base,
 * which points at the CPU's own struct while the kernel runs (the syscall
 * and trap entries swapgs on the way in from user mode; docs/smp.md has
 * the rules).  cpus[0] is the boot CPU (the BSP); the others are the
 * application processors that arch/smp.c starts.
 */
#ifndef ARCH_PERCPU_H
#define ARCH_PERCPU_H

#include <stddef.h>
#include <stdint.h>
#include "arch/cpu.h"

#define NCPU_MAX        8       /* CPUs forklab starts; more are left asleep */
#define LOCKS_HELD_MAX  8       /* spinlocks one CPU may hold at once */

struct spinlock;
struct proc;
struct mm;

struct cpu {
	struct cpu_block block;         /* first: arch/cpu_block.inc's offsets */
	struct cpu *self;               /* what this_cpu() reads through gs */
	int id;                         /* index in cpus[] */
	uint32_t apic_id;
	volatile uint64_t ticks;        /* its LAPIC timer's interrupts */
	volatile int online;            /* set by the CPU itself, once running */
	int ncli;                       /* push_cli() depth (kernel/spinlock.c) */
	int intena;                     /* were interrupts on at the outermost? */
	struct spinlock *held[LOCKS_HELD_MAX];  /* for lock debugging */
	int nheld;
	struct proc *proc;              /* what it runs: `current` */
	uint64_t sched_context;         /* its scheduler loop's, for swtch() */
	int need_resched;               /* its time slice is over */
	struct mm *mm;                  /* whose page tables CR3 holds; NULL: the kernel's */
	volatile int tlb_request;       /* a flush another CPU asks of it (mm/tlb.c) */
	uint64_t tlb_va;                /* the page, for a flush of one */
	uint64_t tlb_flushes;           /* such flushes it did */
	volatile int halted;            /* in idle()'s hlt, and no one has kicked it yet */
	uint64_t resched_ipis;          /* T_RESCHEDULE interrupts it took */
};

extern struct cpu cpus[NCPU_MAX];
extern int ncpus;                       /* CPUs running */

/* Makes c the CPU that this_cpu() finds on the calling CPU. */
void percpu_init(struct cpu *c);

static inline struct cpu *this_cpu(void)
{
	struct cpu *c;

	__asm__ volatile("mov %%gs:%c1, %0" : "=r"(c) : "i"(offsetof(struct cpu, self)));
	return c;
}

#endif
