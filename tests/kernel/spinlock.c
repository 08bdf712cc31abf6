/*
 * Spinlocks (kernel/spinlock.c): interrupts stay off while any lock is
 * held and come back with the last release; lock debugging (lockdebug=1)
 * accepts locks taken in rising order and panics, naming both locks, on
 * one taken out of order, or naming the holder on a spin that never ends.
 * The two panics are MANUAL tests, checked by the smp suite of tests/run.
 */
#include "tests/ktest.h"
#include "kernel/spinlock.h"
#include "arch/percpu.h"
#include "arch/x86.h"

static struct spinlock outer = SPINLOCK("test_outer", LOCK_ORDER_TEST);
static struct spinlock inner = SPINLOCK("test_inner", LOCK_ORDER_TEST + 1);

static int interrupts_on(void)
{
	return !!(read_rflags() & RFLAGS_IF);
}

/* Tests run with interrupts on, and must leave them so. */
static void interrupts_back(int on)
{
	if (on)
		sti();
	else
		cli();
}

KTEST(spinlock, interrupts_off_while_held)
{
	int was = interrupts_on();

	sti();
	acquire(&outer);
	KEXPECT(!interrupts_on());
	acquire(&inner);
	KEXPECT_EQ(this_cpu()->ncli, 2);
	release(&inner);
	KEXPECT(!interrupts_on());
	KEXPECT(holding(&outer));
	release(&outer);
	KEXPECT(interrupts_on());
	KEXPECT_EQ(this_cpu()->ncli, 0);
	interrupts_back(was);
}

KTEST(spinlock, off_stays_off)
{
	int was = interrupts_on();

	cli();
	acquire(&outer);
	release(&outer);
	KEXPECT(!interrupts_on());
	interrupts_back(was);
}

KTEST(spinlock, debug_tracks_held_locks)
{
	int was = lock_debug;

	lock_debug = 1;
	acquire(&outer);
	acquire(&inner);
	KEXPECT_EQ(this_cpu()->nheld, 2);
	release(&outer);                /* out of order is allowed */
	KEXPECT_EQ(this_cpu()->nheld, 1);
	KEXPECT(this_cpu()->held[0] == &inner);
	release(&inner);
	KEXPECT_EQ(this_cpu()->nheld, 0);
	lock_debug = was;
}

KTEST_MANUAL(spinlock, order_violation)
{
	lock_debug = 1;
	acquire(&inner);
	acquire(&outer);
	release(&outer);
	release(&inner);
}

/* A lock left held by another CPU (faked: CPU 1's mark on it). */
KTEST_MANUAL(spinlock, spin_too_long)
{
	static struct spinlock stuck = SPINLOCK("test_stuck", LOCK_ORDER_TEST);

	lock_debug = 1;
	stuck.locked = 1;
	stuck.cpu = &cpus[1];
	stuck.pc = (uint64_t)ktest_spinlock_spin_too_long;
	acquire(&stuck);
	release(&stuck);
}
