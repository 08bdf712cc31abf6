/*
 * The big kernel lock: one spinlock that every CPU holds while it runs
 * kernel code, the way the first SMP Unix kernels were made safe.  It is
 * taken on every entry from user mode (syscall, exception, interrupt) and
 * by the idle loop when an interrupt wakes it, and let go on the way back
 * to user mode and around the idle loop's hlt; a context switch happens
 * with it held, and hands it on to the thread switched to.  So the kernel's
 * data (the process table, the frame allocator, the heap, the page tables
 * and the mms) is touched by one CPU at a time, as on one CPU.
 *
 * A CPU spins with interrupts off, but answers TLB shootdown requests
 * while it spins (mm/tlb.c): the holder may be waiting for exactly that.
 * docs/smp.md has the argument, and the table of every lock.
 */
#ifndef KERNEL_BIGLOCK_H
#define KERNEL_BIGLOCK_H

#include <stdint.h>

struct cpu;

struct big_lock {
	volatile uint32_t locked;
	struct cpu *cpu;                /* the holder, NULL when free */
	uint64_t pc;                    /* where the holder took it */
	uint64_t since;                 /* when (time_ns), with lockdebug=1 */
	uint64_t takes;                 /* times it was taken, since boot */
	struct cpu *owed;               /* a CPU that waited too long: the next holder */
};

extern struct big_lock big_lock;

void big_lock_take(void);              /* with interrupts off, not held */
int big_lock_try(void);                /* takes it if free and owed to no other CPU */
void big_lock_drop(void);
int big_lock_held(void);               /* by this CPU */
/* Makes c, spinning since the TSC read start_tsc with the lock's takes then
 * at seen, the lock's next holder if it has waited too long (biglock.c);
 * at most one CPU has a claim. */
void big_lock_claim_if_due(struct cpu *c, uint64_t seen, uint64_t start_tsc);

#endif
