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
 * however few there were; not before either, and not over another's claim. */
KTEST(biglock, claim_after_many_takes_or_a_long_spin)
{
	uint64_t now = rdtsc(), long_ago = now - tsc_hz() / 50;        /* 20 ms */

	big_lock.owed = NULL;
	big_lock_claim_if_due(&cpus[1], big_lock.takes, now);
	KEXPECT(big_lock.owed == NULL);
	big_lock_claim_if_due(&cpus[1], big_lock.takes - 63, now);
	KEXPECT(big_lock.owed == NULL);
	big_lock_claim_if_due(&cpus[1], big_lock.takes - 64, now);
	KEXPECT(big_lock.owed == &cpus[1]);
	big_lock_claim_if_due(&cpus[2], big_lock.takes - 64, long_ago);
	KEXPECT(big_lock.owed == &cpus[1]);
	big_lock.owed = NULL;
	big_lock_claim_if_due(&cpus[1], big_lock.takes, long_ago);
	KEXPECT(big_lock.owed == &cpus[1]);
	big_lock.owed = NULL;
}
