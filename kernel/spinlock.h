/*
 * Spinlocks, for what several CPUs share (docs/smp.md has the table of
 * every lock, what it protects and the order they nest in).
 *
 * acquire() turns interrupts off on its CPU before it spins, so that an
 * interrupt handler on the same CPU can never wait for a lock its own CPU
 * holds; they stay off until the last lock the CPU holds is released
 * (push_cli/pop_cli count the nesting per CPU).  A holder must not sleep.
 *
 * With lockdebug=1 on the command line, each CPU tracks the locks it
 * holds, and a panic names both sides of a mistake: a lock taken while one
 * of higher or equal order is held, or a spin that lasts LOCK_SPIN_MAX_NS
 * (the holder's CPU and where it took the lock).
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include <stdint.h>

struct cpu;

/* Lock orders: a CPU takes locks in strictly rising order. */
#define LOCK_ORDER_TEST  1      /* tests/kernel/spinlock.c's own locks */
#define LOCK_ORDER_LOG   100    /* innermost: anything may print */

struct spinlock {
	volatile uint32_t locked;
	const char *name;
	int order;
	struct cpu *cpu;                /* the holder */
	uint64_t pc;                    /* where the holder took it */
};

#define SPINLOCK(name, order) { 0, name, order, 0, 0 }

extern int lock_debug;

void acquire(struct spinlock *lk);
void release(struct spinlock *lk);
int holding(const struct spinlock *lk);
void push_cli(void);
void pop_cli(void);

#endif
