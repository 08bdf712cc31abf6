/*
 * futex: a thread sleeps in the kernel on a 32-bit word of its memory
 * until another wakes it, the word's value deciding in user space who
 * must sleep and who must wake.  C libraries build mutexes, condition
 * variables, pthread_join and once on it.
 *
 * A waiter is a thread with proc.futex set: the key of its word, and the
 * bitset it waits for.  No queue is kept: waking scans the process table
 * for matching waiters and clears their key, which is what tells a
 * waiter it was woken.  There is one CPU and the kernel is not
 * preempted, so reading the word and going to sleep are one step for
 * every other thread (no wake-up is lost in between).
 *
 * A word's key names it as every process that can reach it sees it:
 *
 *   private word, or FUTEX_PRIVATE_FLAG    { mm,              address }
 *   word of shared memory (VMA_SHARED)     { &shared_memory,  frame + offset }
 *
 * so a process-shared mutex in MAP_SHARED memory wakes its waiters in
 * every process, while a private word (forked copies included) stays the
 * business of one address space.  Operations: WAIT, WAKE, REQUEUE,
 * CMP_REQUEUE, WAKE_OP, WAIT_BITSET and WAKE_BITSET, which are what glibc
 * and musl call for their mutexes, condition variables and joins; the PI
 * ones are -ENOSYS.  Robust lists: futex_robust.c.
 */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/errno.h"
#include "kernel/ktime.h"
#include "kernel/uapi.h"
#include "mm/uaccess.h"
#include "mm/mm.h"
#include "arch/tsc.h"

#define FUTEX_WORD      4               /* bytes, and their alignment */
#define NO_DEADLINE     UINT64_MAX

/* What the key of every word of shared memory names as its space. */
static const char shared_memory;

static int waiting_on(const struct proc *p, const struct futex_key *k)
{
	return p->futex.key.space == k->space && p->futex.key.addr == k->addr;
}

/* Wakes up to n waiters on k whose bitset meets bitset: how many. */
static int wake_key(const struct futex_key *k, int n, uint32_t bitset)
{
	int woken = 0;

	for (int i = 0; i < NPROC && woken < n; i++) {
		struct proc *p = proc_at(i);

		if (p && waiting_on(p, k) && (p->futex.bitset & bitset)) {
			p->futex.key.space = NULL;
			wake_process(p);
			woken++;
		}
	}
	return woken;
}

/* Wakes up to n waiters on k and moves up to m others to k2: how many
 * were woken, and in *moved how many moved. */
static int requeue(const struct futex_key *k, int n, const struct futex_key *k2, int m,
		   int *moved)
{
	int woken = wake_key(k, n, FUTEX_BITSET_MATCH_ANY);

	*moved = 0;
	for (int i = 0; i < NPROC && *moved < m; i++) {
		struct proc *p = proc_at(i);

		if (p && waiting_on(p, k)) {
			p->futex.key = *k2;
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
 * The key of the caller's word at addr (checked): its address space and
 * address, or, for a word of shared memory that is not FUTEX_PRIVATE_FLAG,
 * its frame and offset, which every process mapping it sees alike.
 * The caller has read a shared word first, so its frame is there: shared
 * anonymous memory is populated at mmap, a file's page comes at the first
 * touch (mm/filemap.c).
 */
static long key_of(uint64_t addr, int private, struct futex_key *k)
{
	struct vma *v = private ? NULL : vma_find(current->mm, addr);
	pte_t *pte;

	*k = (struct futex_key){ current->mm, addr };
	if (!v || v->kind != VMA_SHARED)
		return 0;
	pte = mm_walk(current->mm, addr, PT_PTE, 0);
	if (!pte || !(*pte & PTE_P))
		return -EFAULT;
	*k = (struct futex_key){ &shared_memory, pte_pa(*pte) + addr % PAGE_SIZE };
	return 0;
}

/* The key of a word that is read (a wait, a shared wake): -EFAULT if it
 * cannot be, and its value in *val. */
static long read_key(uint64_t addr, int private, uint32_t *val, struct futex_key *k)
{
	long err = read_word(addr, val);

	return err < 0 ? err : key_of(addr, private, k);
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
	if (!timespec_valid(&ts))
		return -EINVAL;
	if ((uint64_t)ts.sec >= NO_DEADLINE / NS_PER_SEC / 2)
		return 0;                       /* centuries away: never */
	ns = timespec_ns(&ts);
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
static long wait(uint64_t addr, int private, uint32_t val, uint64_t end, uint32_t bitset)
{
	struct futex_key k;
	uint32_t word;
	long err = read_key(addr, private, &word, &k);

	if (err < 0)
		return err;
	if (word != val)
		return -EAGAIN;
	current->futex = (struct futex_wait){ k, bitset };
	while (current->futex.key.space && !err) {
		if (time_ns() >= end)
			err = -ETIMEDOUT;
		else if (signal_pending(current))
			err = end == NO_DEADLINE ? -ERESTARTSYS : -EINTR;
		else
			sleep_on(end == NO_DEADLINE ? (void *)&current->futex : timer_channel());
	}
	current->futex.key.space = NULL;
	return err;
}

static long wait_op(uint64_t addr, int private, uint32_t val, uint64_t uts, int absolute,
		    int realtime, uint32_t bitset)
{
	uint64_t end;
	long err;

	if (!bitset)
		return -EINVAL;
	err = deadline(uts, absolute, realtime, &end);
	return err < 0 ? err : wait(addr, private, val, end, bitset);
}

/* The key of a word to wake or requeue to: a private word is not read, as
 * in Linux; a shared one is, so an unmapped address gives -EFAULT. */
static long wake_key_of(uint64_t addr, int private, struct futex_key *k)
{
	uint32_t word;
	long err = private ? check_word(addr) : read_word(addr, &word);

	return err < 0 ? err : key_of(addr, private, k);
}

static long wake_op(uint64_t addr, int n, int private, uint32_t bitset)
{
	struct futex_key k;
	long err = wake_key_of(addr, private, &k);

	if (err < 0)
		return err;
	if (!bitset)
		return -EINVAL;
	return wake_key(&k, n, bitset);
}

/* Wakes up to n waiters on the caller's word at addr, as FUTEX_WAKE
 * without FUTEX_PRIVATE_FLAG: how many, or 0 if the word is unreadable. */
int futex_wake(uint64_t addr, int n)
{
	struct futex_key k;

	return wake_key_of(addr, 0, &k) < 0 ? 0 : wake_key(&k, n, FUTEX_BITSET_MATCH_ANY);
}

/* CMP_REQUEUE: -EAGAIN unless the word holds cmp; then woken plus moved.
 * REQUEUE: how many woken. */
static long requeue_op(uint64_t addr, int private, int n, int m, uint64_t addr2, int cmp,
		       uint32_t val3)
{
	struct futex_key k, k2;
	uint32_t word;
	long err = read_key(addr, private, &word, &k);
	int moved, woken;

	if (err == 0)
		err = wake_key_of(addr2, private, &k2);
	if (err < 0)
		return err;
	if (n < 0 || m < 0)
		return -EINVAL;
	if (cmp && word != val3)
		return -EAGAIN;
	woken = requeue(&k, n, &k2, m, &moved);
	return cmp ? woken + moved : woken;
}

/*
 * FUTEX_WAKE_OP's val3 says what to do to the word at uaddr2 and when to
 * wake its waiters too:
 *
 *   bit 31     30..28   27..24   23..12          11..0
 *   +-------+--------+--------+---------------+---------------+
 *   | shift |   op   |  cmp   | oparg (signed) | cmparg (signed)|
 *   +-------+--------+--------+---------------+---------------+
 *
 * new = old op oparg (or op 1 << oparg with shift); the waiters of uaddr2
 * wake if old cmp cmparg holds.
 */
#define OP_SHIFT        (1U << 31)
#define OP_AT           28              /* the op's bits: 30..28 */
#define OP_MASK         7
#define CMP_AT          24              /* the comparison's: 27..24 */
#define CMP_MASK        0xf
#define OP_ARG_BITS     12
#define OP_SHIFT_MAX    31
#define WORD_BITS       32
enum { OP_SET, OP_ADD, OP_OR, OP_ANDN, OP_XOR };
enum { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };

static int32_t op_arg(uint32_t bits)
{
	return (int32_t)(bits << (WORD_BITS - OP_ARG_BITS)) >> (WORD_BITS - OP_ARG_BITS);
}

/* The word's new value in *new, or -ENOSYS for an op Linux has not. */
static long apply_op(uint32_t enc, uint32_t old, uint32_t *new)
{
	uint32_t arg = (uint32_t)op_arg(enc >> OP_ARG_BITS);

	if (enc & OP_SHIFT)
		arg = 1U << (arg & OP_SHIFT_MAX);
	switch ((enc >> OP_AT) & OP_MASK) {
	case OP_SET:  *new = arg; return 0;
	case OP_ADD:  *new = old + arg; return 0;
	case OP_OR:   *new = old | arg; return 0;
	case OP_ANDN: *new = old & ~arg; return 0;
	case OP_XOR:  *new = old ^ arg; return 0;
	}
	return -ENOSYS;
}

/* Whether old compares with cmparg as enc says: 1, 0, or -ENOSYS. */
static int compare(uint32_t enc, int32_t old)
{
	int32_t arg = op_arg(enc);

	switch ((enc >> CMP_AT) & CMP_MASK) {
	case CMP_EQ: return old == arg;
	case CMP_NE: return old != arg;
	case CMP_LT: return old < arg;
	case CMP_LE: return old <= arg;
	case CMP_GT: return old > arg;
	case CMP_GE: return old >= arg;
	}
	return -ENOSYS;
}

/* Changes the word at addr2, wakes up to n waiters on addr and, if the
 * old value compares as val3 says, up to n2 on addr2: how many in all.
 * A bad op gives -ENOSYS with the word unchanged, a bad comparison
 * -ENOSYS once it has changed, as in Linux. */
static long wake_op_op(uint64_t addr, int private, int n, int n2, uint64_t addr2, uint32_t val3)
{
	struct futex_key k, k2;
	uint32_t old, new;
	long err = wake_key_of(addr, private, &k);
	int woken, wake2;

	if (err == 0)
		err = read_key(addr2, private, &old, &k2);
	if (err == 0)
		err = apply_op(val3, old, &new);
	if (err < 0)
		return err;
	if (copy_to_user((void *)addr2, &new, sizeof(new)) < 0)
		return -EFAULT;
	if ((wake2 = compare(val3, (int32_t)old)) < 0)
		return wake2;
	woken = wake_key(&k, n, FUTEX_BITSET_MATCH_ANY);
	if (wake2)
		woken += wake_key(&k2, n2, FUTEX_BITSET_MATCH_ANY);
	return woken;
}

/* futex(uaddr, op, val, timeout or val2, uaddr2, val3); val2, a count for
 * the requeues and FUTEX_WAKE_OP, comes in the timeout's register. */
long sys_futex(uint64_t uaddr, uint64_t uop, uint64_t uval, uint64_t uts, uint64_t uaddr2, uint64_t uval3)
{
	int op = (int)uop & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
	int private = (int)uop & FUTEX_PRIVATE_FLAG, realtime = (int)uop & FUTEX_CLOCK_REALTIME;
	uint32_t val = (uint32_t)uval, val3 = (uint32_t)uval3;

	if (realtime && op != FUTEX_WAIT && op != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (op) {
	case FUTEX_WAIT:
		return wait_op(uaddr, private, val, uts, 0, 0, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return wait_op(uaddr, private, val, uts, 1, realtime, val3);
	case FUTEX_WAKE:
		return wake_op(uaddr, (int)val, private, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return wake_op(uaddr, (int)val, private, val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		return requeue_op(uaddr, private, (int)val, (int)uts, uaddr2,
				  op == FUTEX_CMP_REQUEUE, val3);
	case FUTEX_WAKE_OP:
		return wake_op_op(uaddr, private, (int)val, (int)uts, uaddr2, val3);
	}
	return -ENOSYS;
}
