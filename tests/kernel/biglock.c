/*
 * The big kernel lock's claim (kernel/biglock.c): once a CPU has been
 * passed over too often it is owed the lock, and no other CPU may take it,
 * free or not, until it has.  The tests run on the boot CPU before the
 * others schedule, so a claim by another CPU is faked: CPU 1's mark.
 */
#include "tests/ktest.h"
#include "arch/percpu.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "kernel/biglock.h"

KTEST(biglock, owed_to_another_refused)
{
	cli();
	big_lock.owed = &cpus[1];
	KEXPECT(!big_lock_try());
	KEXPECT(!big_lock.locked);
	big_lock.owed = NULL;
	KEXPECT(big_lock_try());
	KEXPECT(big_lock_held());
	big_lock_drop();
	sti();
}

KTEST(biglock, owed_cpu_takes_and_clears_claim)
{
	uint64_t takes = big_lock.takes;

	cli();
	big_lock.owed = this_cpu();
	KEXPECT(big_lock_try());
	KEXPECT(big_lock.owed == NULL);
	KEXPECT_EQ(big_lock.takes, takes + 1);
	KEXPECT(!big_lock_try());       /* held: refused, even to its holder */
	big_lock_drop();
	sti();
}

/* A spinner claims after PASSED_OVER_MAX (64) hand-overs, or after 10 ms
 * however few there were; not before either, and not over another's
 * claim.  Interrupts off: a tick would take the lock, owed to a CPU that
 * does not spin. */
KTEST(biglock, claim_after_many_takes_or_a_long_spin)
{
	uint64_t twenty_ms = tsc_hz() / 50;

	cli();
	big_lock.owed = NULL;
	big_lock_claim_if_due(&cpus[1], big_lock.takes, rdtsc());
	KEXPECT(big_lock.owed == NULL);
	big_lock_claim_if_due(&cpus[1], big_lock.takes - 63, rdtsc());
	KEXPECT(big_lock.owed == NULL);
	big_lock_claim_if_due(&cpus[1], big_lock.takes - 64, rdtsc());
	KEXPECT(big_lock.owed == &cpus[1]);
	big_lock_claim_if_due(&cpus[2], big_lock.takes - 64, rdtsc() - twenty_ms);
	KEXPECT(big_lock.owed == &cpus[1]);
	big_lock.owed = NULL;
	big_lock_claim_if_due(&cpus[1], big_lock.takes, rdtsc() - twenty_ms);
	KEXPECT(big_lock.owed == &cpus[1]);
	big_lock.owed = NULL;
	sti();
}
