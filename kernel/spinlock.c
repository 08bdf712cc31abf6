/*
 * Spinlocks (kernel/spinlock.h).  The lock word is taken with an atomic
 * exchange, whose acquire ordering keeps the critical section's loads and
 * stores after it; release stores 0 with release ordering, so they all
 * happen before the next holder can see the lock free.
 */
#include "kernel/spinlock.h"
#include "kernel/panic.h"
#include "kernel/ksyms.h"
#include "kernel/ktime.h"
#include "kernel/printk.h"
#include "arch/percpu.h"
#include "arch/tsc.h"
#include "arch/x86.h"

#define LOCK_SPIN_MAX_NS (5 * NS_PER_SEC)       /* far longer than any holder needs */
#define WHERE_MAX        64

int lock_debug;

void push_cli(void)
{
	uint64_t rflags = read_rflags();
	struct cpu *c;

	cli();
	c = this_cpu();
	if (c->ncli++ == 0)
		c->intena = !!(rflags & RFLAGS_IF);
}

void pop_cli(void)
{
	struct cpu *c = this_cpu();

	if (read_rflags() & RFLAGS_IF)
		panic("pop_cli with interrupts on");
	if (--c->ncli < 0)
		panic("pop_cli without push_cli");
	if (c->ncli == 0 && c->intena)
		sti();
}

int holding(const struct spinlock *lk)
{
	return lk->locked && lk->cpu == this_cpu();
}

/* "function+offset" for pc, in buf. */
static const char *where(uint64_t pc, char *buf)
{
	unsigned long off;
	const char *name = ksym_lookup(pc, &off);

	if (name)
		snprintf(buf, WHERE_MAX, "%s+%#lx", name, off);
	else
		snprintf(buf, WHERE_MAX, "%#lx", pc);
	return buf;
}

static void check_order(const struct spinlock *lk, uint64_t pc)
{
	struct cpu *c = this_cpu();
	char a[WHERE_MAX], b[WHERE_MAX];

	for (int i = 0; i < c->nheld; i++) {
		const struct spinlock *h = c->held[i];

		if (h->order >= lk->order)
			panic("lock order: CPU %d takes %s (order %d) at %s while holding "
			      "%s (order %d), taken at %s", c->id, lk->name, lk->order,
			      where(pc, a), h->name, h->order, where(h->pc, b));
	}
	if (c->nheld == LOCKS_HELD_MAX)
		panic("CPU %d holds %d locks; %s is one too many", c->id, c->nheld, lk->name);
}

static void spun_too_long(const struct spinlock *lk, uint64_t pc)
{
	struct cpu *holder = lk->cpu;
	char a[WHERE_MAX], b[WHERE_MAX];

	panic("spinlock %s: CPU %d spun %lu s at %s; held by CPU %d, taken at %s",
	      lk->name, this_cpu()->id, LOCK_SPIN_MAX_NS / NS_PER_SEC, where(pc, a),
	      holder ? (int)(holder - cpus) : -1, where(lk->pc, b));
}

static void spin(struct spinlock *lk, uint64_t pc)
{
	uint64_t start = lock_debug ? time_ns() : 0;

	while (__atomic_exchange_n(&lk->locked, 1, __ATOMIC_ACQUIRE)) {
		while (lk->locked) {
			pause();
			if (lock_debug && time_ns() - start > LOCK_SPIN_MAX_NS)
				spun_too_long(lk, pc);
		}
	}
}

void acquire(struct spinlock *lk)
{
	uint64_t pc = (uint64_t)__builtin_return_address(0) - 1;
	struct cpu *c;

	push_cli();
	c = this_cpu();
	if (holding(lk))
		panic("spinlock %s: taken again by CPU %d, which holds it", lk->name, c->id);
	if (lock_debug)
		check_order(lk, pc);
	spin(lk, pc);
	lk->cpu = c;
	lk->pc = pc;
	if (lock_debug)
		c->held[c->nheld++] = lk;
}

/* Locks may be released in any order; the held list keeps the rest. */
static void forget_held(struct cpu *c, const struct spinlock *lk)
{
	for (int i = 0; i < c->nheld; i++) {
		if (c->held[i] == lk) {
			c->held[i] = c->held[--c->nheld];
			return;
		}
	}
}

void release(struct spinlock *lk)
{
	struct cpu *c = this_cpu();

	if (!holding(lk))
		panic("spinlock %s: released by CPU %d, which does not hold it", lk->name, c->id);
	forget_held(c, lk);
	lk->cpu = NULL;
	__atomic_store_n(&lk->locked, 0, __ATOMIC_RELEASE);
	pop_cli();
}
