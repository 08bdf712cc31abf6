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
 *
 * But a test-and-set lock may pass one spinner over for ever: a CPU that
 * lets it go on its way to user mode and is back a few instructions later
 * (a process forking in a loop) takes it again before a spinner on a
 * host thread that is not running even looks.  Under TCG, with 4 CPUs on
 * 2 cores, fork_bomb's processes kept one CPU out for over 10 s.  So a
 * spinner that has seen the lock change hands PASSED_OVER_MAX times, or
 * has spun CLAIM_AFTER_NS, claims it (owed): then only it may take the
 * lock, and it clears the claim when it does.  The count catches many
 * short holds; the time, a few long ones (sysfuzz writing 32 MiB to /tmp
 * call after call held it some 300 ms each time under TCG, and fewer than
 * 64 such hand-overs kept a CPU out past 10 s).  A claim costs at most one
 * wait for the host to run that CPU, the ticket lock's cost, paid only by
 * a CPU that has waited 64 hand-overs or 10 ms: while CPUs keep waiting
 * that long, they take the lock in turn.
 */
#include "kernel/biglock.h"
#include "kernel/panic.h"
#include "kernel/ksyms.h"
#include "kernel/proc.h"
#include "kernel/ktime.h"
#include "kernel/spinlock.h"
#include "arch/percpu.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "mm/tlb.h"

#define BIG_SPIN_MAX_NS (10 * NS_PER_SEC)       /* far longer than any holder needs */
#define WHERE_MAX       64
#define PASSED_OVER_MAX 64      /* hand-overs: eight rounds of NCPU_MAX CPUs */
#define CLAIM_AFTER_NS  (10 * NS_PER_MS)        /* hundreds of system calls' holds */

struct big_lock big_lock;

int big_lock_held(void)
{
	return big_lock.cpu == this_cpu();
}

/* Names the spinner, the holder and the claimant: how long the holder has
 * held the lock tells one long hold (a slow call: its pid and system
 * call) from a spinner passed over by many short ones.  The fields are
 * read without the lock: a diagnostic, racy by nature. */
static void spun_too_long(uint64_t pc)
{
	struct cpu *holder = big_lock.cpu, *owed = big_lock.owed;
	struct proc *p = holder ? holder->proc : NULL;
	unsigned long off_a, off_b;
	const char *a = ksym_lookup(pc, &off_a), *b = ksym_lookup(big_lock.pc, &off_b);

	panic("big lock: CPU %d spun %lu s at %s+%#lx; held by CPU %d for %ld ms, taken at "
	      "%s+%#lx by pid %d in system call %d; owed to CPU %d; taken %lu times since boot",
	      this_cpu()->id, BIG_SPIN_MAX_NS / NS_PER_SEC, a ? a : "?", off_a,
	      holder ? holder->id : -1,
	      holder ? (long)((time_ns() - big_lock.since) / NS_PER_MS) : -1L,
	      b ? b : "?", off_b, p ? p->pid : -1, p ? p->syscall_nr : -1,
	      owed ? owed->id : -1, big_lock.takes);
}

int big_lock_try(void)
{
	struct cpu *c = this_cpu(), *owed = __atomic_load_n(&big_lock.owed, __ATOMIC_ACQUIRE);

	if ((owed && owed != c) || big_lock.locked ||
	    __atomic_exchange_n(&big_lock.locked, 1, __ATOMIC_ACQUIRE))
		return 0;
	big_lock.cpu = c;
	if (lock_debug)
		big_lock.since = time_ns();
	__atomic_store_n(&big_lock.takes, big_lock.takes + 1, __ATOMIC_RELAXED);
	if (owed == c)
		__atomic_store_n(&big_lock.owed, NULL, __ATOMIC_RELEASE);
	return 1;
}

void big_lock_claim_if_due(struct cpu *c, uint64_t seen, uint64_t start_tsc)
{
	struct cpu *none = NULL;

	if (__atomic_load_n(&big_lock.takes, __ATOMIC_RELAXED) - seen >= PASSED_OVER_MAX ||
	    cycles_to_ns(rdtsc() - start_tsc) >= CLAIM_AFTER_NS)
		__atomic_compare_exchange_n(&big_lock.owed, &none, c, 0, __ATOMIC_ACQ_REL,
					    __ATOMIC_RELAXED);
}

void big_lock_take(void)
{
	uint64_t pc = (uint64_t)__builtin_return_address(0) - 1;
	uint64_t seen = __atomic_load_n(&big_lock.takes, __ATOMIC_RELAXED), start_tsc = rdtsc();
	struct cpu *c = this_cpu();

	if (read_rflags() & RFLAGS_IF)
		panic("big lock taken with interrupts on");
	if (c->nheld)
		panic("big lock taken by CPU %d holding %s", c->id, c->held[0]->name);
	while (!big_lock_try()) {
		tlb_answer();                   /* the holder may wait for us */
		pause();
		big_lock_claim_if_due(c, seen, start_tsc);
		if (lock_debug && cycles_to_ns(rdtsc() - start_tsc) > BIG_SPIN_MAX_NS)
			spun_too_long(pc);
	}
	big_lock.pc = pc;
}

void big_lock_drop(void)
{
	if (!big_lock_held())
		panic("big lock released by CPU %d, which does not hold it", this_cpu()->id);
	big_lock.cpu = NULL;
	__atomic_store_n(&big_lock.locked, 0, __ATOMIC_RELEASE);
}
