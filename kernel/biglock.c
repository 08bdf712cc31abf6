/*
 * The big kernel lock (kernel/biglock.h).  An atomic exchange with acquire
 * order takes it, a store of 0 with release order lets it go, so
 * everything the holder wrote happens before the next holder reads it.
 *
 * Not a ticket lock, though a ticket lock would serve CPUs in turn: under
 * an emulator whose CPUs outnumber the host's cores, the CPU whose ticket
 * comes next is often not running on the host at all, and every other one
 * spins until it is; so each hand-over waits for the host's scheduler
 * (the smp suite's boots slowed to a few hand-overs a second).  Here any
 * spinning CPU that runs takes the lock as soon as it is free.
 */
#include "kernel/biglock.h"
#include "kernel/panic.h"
#include "kernel/ksyms.h"
#include "kernel/ktime.h"
#include "kernel/spinlock.h"
#include "arch/percpu.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "mm/tlb.h"

#define BIG_SPIN_MAX_NS (10 * NS_PER_SEC)       /* far longer than any holder needs */
#define WHERE_MAX       64

struct big_lock big_lock;

int big_lock_held(void)
{
	return big_lock.cpu == this_cpu();
}

static void spun_too_long(uint64_t pc)
{
	struct cpu *holder = big_lock.cpu;
	unsigned long off_a, off_b;
	const char *a = ksym_lookup(pc, &off_a), *b = ksym_lookup(big_lock.pc, &off_b);

	panic("big lock: CPU %d spun %lu s at %s+%#lx; held by CPU %d, taken at %s+%#lx",
	      this_cpu()->id, BIG_SPIN_MAX_NS / NS_PER_SEC, a ? a : "?", off_a,
	      holder ? holder->id : -1, b ? b : "?", off_b);
}

void big_lock_take(void)
{
	uint64_t pc = (uint64_t)__builtin_return_address(0) - 1;
	uint64_t start = lock_debug ? time_ns() : 0;
	struct cpu *c = this_cpu();

	if (read_rflags() & RFLAGS_IF)
		panic("big lock taken with interrupts on");
	if (c->nheld)
		panic("big lock taken by CPU %d holding %s", c->id, c->held[0]->name);
	while (__atomic_exchange_n(&big_lock.locked, 1, __ATOMIC_ACQUIRE)) {
		while (big_lock.locked) {
			tlb_answer();           /* the holder may wait for us */
			pause();
			if (lock_debug && time_ns() - start > BIG_SPIN_MAX_NS)
				spun_too_long(pc);
		}
	}
	big_lock.cpu = c;
	big_lock.pc = pc;
}

void big_lock_drop(void)
{
	if (!big_lock_held())
		panic("big lock released by CPU %d, which does not hold it", this_cpu()->id);
	big_lock.cpu = NULL;
	__atomic_store_n(&big_lock.locked, 0, __ATOMIC_RELEASE);
}
