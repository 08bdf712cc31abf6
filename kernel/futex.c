/*
 * futex: a thread sleeps in the kernel on a 32-bit word of its memory
 * until another wakes it, the word's value deciding in user space who
 * must sleep and who must wake.  C libraries build mutexes, condition
 * variables, pthread_join and once on it.
 *
 * A waiter is a thread with proc.futex set: the address space and address
 * of its word, and the bitset it waits for.  No queue is kept: waking
 * scans the process table for matching waiters and clears their futex.mm,
 * which is what tells a waiter it was woken.  There is one CPU and the
 * kernel is not preempted, so reading the word and going to sleep are one
 * step for every other thread (no wake-up is lost in between).
 *
 * Words are named by address space and address, private or not: a word
 * in memory shared between processes (MAP_SHARED) only wakes waiters of
 * the same address space.  Operations: WAIT, WAKE, REQUEUE, CMP_REQUEUE,
 * WAIT_BITSET and WAKE_BITSET, which are what glibc and musl call for
 * their mutexes, condition variables and joins; the others are -ENOSYS.
 */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/uaccess.h"
#include "arch/tsc.h"

#define NS_PER_SEC      1000000000L
#define FUTEX_WORD      4               /* bytes, and their alignment */
#define NO_DEADLINE     UINT64_MAX

struct timespec {
	int64_t sec, nsec;
};

static int waiting_on(const struct proc *p, struct mm *mm, uint64_t addr)
{
	return p->futex.mm == mm && p->futex.addr == addr;
}

/* Wakes up to n waiters on addr whose bitset meets bitset: how many. */
int futex_wake(struct mm *mm, uint64_t addr, int n, uint32_t bitset)
{
	int woken = 0;

	for (int i = 0; i < NPROC && woken < n; i++) {
		struct proc *p = proc_at(i);

		if (p && waiting_on(p, mm, addr) && (p->futex.bitset & bitset)) {
			p->futex.mm = NULL;
			wake_process(p);
			woken++;
		}
	}
	return woken;
}

/* Wakes up to n waiters on addr and moves up to m others to addr2:
 * how many were woken, and in *moved how many moved. */
static int requeue(struct mm *mm, uint64_t addr, int n, uint64_t addr2, int m, int *moved)
{
	int woken = futex_wake(mm, addr, n, FUTEX_BITSET_MATCH_ANY);

	*moved = 0;
	for (int i = 0; i < NPROC && *moved < m; i++) {
		struct proc *p = proc_at(i);

		if (p && waiting_on(p, mm, addr)) {
			p->futex.addr = addr2;
			(*moved)++;
		}
	}
	return woken;
}

/* A word's address: aligned and in the user half. */
static long check_word(uint64_t addr)
{
	if (addr % FUTEX_WORD)
		return -EINVAL;
	return user_range_ok(addr, FUTEX_WORD) ? 0 : -EFAULT;
}

static long read_word(uint64_t addr, uint32_t *val)
{
	long err = check_word(addr);

	if (err < 0)
		return err;
	return copy_from_user(val, (const void *)addr, sizeof(*val)) < 0 ? -EFAULT : 0;
}

/*
 * The time_ns() at which a wait ends: after a timespec (FUTEX_WAIT), or
 * at one read on the monotonic clock, or the wall clock with
 * FUTEX_CLOCK_REALTIME (FUTEX_WAIT_BITSET).  No timespec: NO_DEADLINE.
 */
static long deadline(uint64_t uts, int absolute, int realtime, uint64_t *end)
{
	struct timespec ts;
	uint64_t ns, now = time_ns(), clock_now = now;

	*end = NO_DEADLINE;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, (const void *)uts, sizeof(ts)) < 0)
		return -EFAULT;
	if (ts.sec < 0 || ts.nsec < 0 || ts.nsec >= NS_PER_SEC)
		return -EINVAL;
	if ((uint64_t)ts.sec >= NO_DEADLINE / NS_PER_SEC / 2)
		return 0;                       /* centuries away: never */
	ns = (uint64_t)ts.sec * NS_PER_SEC + (uint64_t)ts.nsec;
	if (absolute) {
		clock_read(realtime ? CLOCK_REALTIME : CLOCK_MONOTONIC, &clock_now);
		ns = ns > clock_now ? ns - clock_now : 0;
	}
	*end = now + ns;
	return 0;
}

/* Sleeps while the word at addr holds val: 0 when woken, -EAGAIN if it
 * did not hold val, -ETIMEDOUT, or a signal's -ERESTARTSYS (-EINTR for a
 * timed wait, which a restart would lengthen). */
static long wait(uint64_t addr, uint32_t val, uint64_t end, uint32_t bitset)
{
	uint32_t word;
	long err = read_word(addr, &word);

	if (err < 0)
		return err;
	if (word != val)
		return -EAGAIN;
	current->futex = (struct futex_wait){ current->mm, addr, bitset };
	while (current->futex.mm && !err) {
		if (time_ns() >= end)
			err = -ETIMEDOUT;
		else if (signal_pending(current))
			err = end == NO_DEADLINE ? -ERESTARTSYS : -EINTR;
		else
			sleep_on(end == NO_DEADLINE ? (void *)&current->futex : timer_channel());
	}
	current->futex.mm = NULL;
	return err;
}

static long wait_op(uint64_t addr, uint32_t val, uint64_t uts, int absolute, int realtime,
		    uint32_t bitset)
{
	uint64_t end;
	long err;

	if (!bitset)
		return -EINVAL;
	err = deadline(uts, absolute, realtime, &end);
	return err < 0 ? err : wait(addr, val, end, bitset);
}

/* A private word is not read to wake its waiters, as in Linux; a shared
 * one is, so an unmapped address gives -EFAULT. */
static long wake_op(uint64_t addr, int n, int private, uint32_t bitset)
{
	uint32_t word;
	long err = private ? check_word(addr) : read_word(addr, &word);

	if (err < 0)
		return err;
	if (!bitset)
		return -EINVAL;
	return futex_wake(current->mm, addr, n, bitset);
}

/* CMP_REQUEUE: -EAGAIN unless the word holds cmp; then woken plus moved.
 * REQUEUE: how many woken. */
static long requeue_op(uint64_t addr, int n, int m, uint64_t addr2, int cmp, uint32_t val3)
{
	uint32_t word;
	long err = read_word(addr, &word);
	int moved, woken;

	if (err == 0)
		err = check_word(addr2);
	if (err < 0)
		return err;
	if (n < 0 || m < 0)
		return -EINVAL;
	if (cmp && word != val3)
		return -EAGAIN;
	woken = requeue(current->mm, addr, n, addr2, m, &moved);
	return cmp ? woken + moved : woken;
}

/* futex(uaddr, op, val, timeout or val2, uaddr2, val3); val2, a count for
 * the requeues, comes in the timeout's register. */
long sys_futex(uint64_t uaddr, uint64_t uop, uint64_t uval, uint64_t uts, uint64_t uaddr2, uint64_t uval3)
{
	int op = (int)uop & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
	int private = (int)uop & FUTEX_PRIVATE_FLAG, realtime = (int)uop & FUTEX_CLOCK_REALTIME;
	uint32_t val = (uint32_t)uval, val3 = (uint32_t)uval3;

	if (realtime && op != FUTEX_WAIT && op != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (op) {
	case FUTEX_WAIT:
		return wait_op(uaddr, val, uts, 0, 0, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return wait_op(uaddr, val, uts, 1, realtime, val3);
	case FUTEX_WAKE:
		return wake_op(uaddr, (int)val, private, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return wake_op(uaddr, (int)val, private, val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		return requeue_op(uaddr, (int)val, (int)uts, uaddr2, op == FUTEX_CMP_REQUEUE, val3);
	}
	return -ENOSYS;
}
