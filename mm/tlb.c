/*
 * TLB shootdown.  Each CPU caches translations of the page tables its CR3
 * names; when one CPU removes or restricts a translation of an mm, the
 * others that run that mm may still use their cached copy.  Each mm keeps
 * cpu_mask, the CPUs whose CR3 holds its pgd (mm_activate sets and clears
 * the bits, under the big lock); a CPU that leaves an mm loads another CR3,
 * which drops all the mm's entries (they are never global).
 *
 *   CPU 0 (holds the big lock)             CPU 1 (in mm, user mode)
 *   --------------------------             ------------------------
 *   write-protects / unmaps ptes
 *   flushes its own TLB
 *   cpus[1].tlb_request = TLB_USER  ---->  (sees the IPI, or polls the
 *   IPI T_TLB_SHOOTDOWN             ---->   request while it spins for
 *                                           the big lock)
 *                                          reloads CR3
 *   waits until cpus[1].tlb_request == 0 <-- tlb_request = 0 (release)
 *   goes on: the old translation is gone everywhere
 *
 * A request is answered without the big lock: the sender holds it.  Every
 * other CPU answers in bounded time: in user mode and in the idle loop's
 * hlt its interrupts are on; spinning for the big lock it polls its
 * request; otherwise it is on its way into or out of the kernel, with
 * interrupts off for a few instructions.  docs/smp.md has the argument.
 *
 * One round per operation: the callers flush once after all their changes
 * (fork, munmap, mprotect: the remote CPU reloads its CR3) or once for the
 * one page they change (a fault: the remote CPU flushes that page alone,
 * with invlpg, which also drops what it caches of the tables above it).
 * Each round that asks any CPU is counted (/proc/<pid>/status, the mm's;
 * /proc/forkstat, the boot's) and is an event of the fault trace
 * (mm/trace.h), so that a trace shows which faults and forks made which
 * CPUs flush.
 */
#include "mm/tlb.h"
#include "mm/mm.h"
#include "mm/trace.h"
#include "kernel/ktime.h"
#include "arch/lapic.h"
#include "arch/percpu.h"
#include "arch/cpu.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "kernel/panic.h"
#include "kernel/spinlock.h"

#define ANSWER_MAX_NS   (10 * NS_PER_SEC)       /* far longer than any CPU needs */

enum { TLB_NONE, TLB_PAGE, TLB_USER, TLB_ALL };

struct tlb_counters tlb_counters;
int fork_shootdown = 1;

static void flush_here(int kind, uint64_t va)
{
	uint64_t cr4 = read_cr4();

	if (kind == TLB_PAGE) {
		invlpg(va);
	} else if (kind == TLB_ALL && (cr4 & CR4_PGE)) {
		write_cr4(cr4 & ~CR4_PGE);      /* clearing PGE drops global entries too */
		write_cr4(cr4);
	} else {
		write_cr3(read_cr3());
	}
}

void tlb_answer(void)
{
	struct cpu *c = this_cpu();
	int kind = __atomic_load_n(&c->tlb_request, __ATOMIC_ACQUIRE);

	if (kind == TLB_NONE)
		return;
	flush_here(kind, c->tlb_va);
	c->tlb_flushes++;
	__atomic_store_n(&c->tlb_request, TLB_NONE, __ATOMIC_RELEASE);
}

static void wait_answer(struct cpu *c)
{
	uint64_t start = lock_debug ? time_ns() : 0;

	while (__atomic_load_n(&c->tlb_request, __ATOMIC_ACQUIRE) != TLB_NONE) {
		pause();
		if (lock_debug && time_ns() - start > ANSWER_MAX_NS)
			panic("TLB shootdown: CPU %d has not answered CPU %d in %lu s",
			      c->id, this_cpu()->id, ANSWER_MAX_NS / NS_PER_SEC);
	}
}

/* A round's event in the fault trace, by request kind. */
static const unsigned trace_kinds[] = {
	[TLB_PAGE] = FA_TLB_PAGE, [TLB_USER] = FA_TLB_MM, [TLB_ALL] = FA_TLB_KERNEL,
};

/* Asks the CPUs of mask but this one to flush, and waits until they have;
 * returns how many it asked.  A round that asked any is counted and traced. */
static int ask(uint64_t mask, int kind, uint64_t va)
{
	int self = this_cpu()->id, n = 0;
	uint64_t start = 0, asked = 0;

	for (int i = 0; i < ncpus; i++) {
		if (i == self || !(mask & (1UL << i)))
			continue;
		if (!n)
			start = rdtsc();        /* a CPU alone never reads it */
		cpus[i].tlb_va = va;
		__atomic_store_n(&cpus[i].tlb_request, kind, __ATOMIC_RELEASE);
		lapic_send_ipi(cpus[i].apic_id, T_TLB_SHOOTDOWN);
		asked |= 1UL << i;
		n++;
	}
	for (int i = 0; i < ncpus; i++)
		if (asked & (1UL << i))
			wait_answer(&cpus[i]);
	if (n) {
		tlb_counters.shootdowns++;
		tlb_counters.ipis += n;
		fault_trace_shootdown(asked, trace_kinds[kind], va, rdtsc() - start);
	}
	return n;
}

static void count(struct mm *mm, int n)
{
	if (n) {
		mm->tlb.shootdowns++;
		mm->tlb.ipis += n;
	}
}

int tlb_shootdown(struct mm *mm)
{
	int n = ask(mm->cpu_mask, TLB_USER, 0);

	count(mm, n);
	return n;
}

void tlb_shootdown_page(struct mm *mm, uint64_t va)
{
	count(mm, ask(mm->cpu_mask, TLB_PAGE, va));
}

void tlb_shootdown_kernel(void)
{
	ask(~0UL, TLB_ALL, 0);
}

uint64_t tlb_remote_flushes(void)
{
	uint64_t n = 0;

	for (int i = 0; i < ncpus; i++)
		n += cpus[i].tlb_flushes;
	return n;
}
