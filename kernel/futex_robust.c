/*
 * Robust futexes: a thread that ends holding a lock must not leave the
 * lock's waiters asleep for ever.  The C library keeps, in the thread's
 * memory, a list of the robust mutexes it holds, and names its head with
 * set_robust_list:
 *
 *   struct robust_list_head          a mutex held        a mutex held
 *   +-------------------------+      +-------------+     +-------------+
 *   | list -------------------+----->| next -------+---->| next -------+--> back
 *   | futex_offset            |      |  ...        |     |  ...        |    to the
 *   | list_op_pending         |      | lock word   |     | lock word   |    head
 *   +-------------------------+      +-------------+     +-------------+
 *                                    lock word = entry + futex_offset
 *
 * list_op_pending is a lock being taken or given back at that moment.  A
 * lock word holds its owner's tid (FUTEX_TID_MASK) and FUTEX_WAITERS when
 * someone sleeps on it.  When the thread ends or execs, every word of the
 * list that it still owns gets FUTEX_OWNER_DIED (its waiters bit kept) and
 * one waiter is woken: the next locker gets EOWNERDEAD.  As in Linux, the
 * walk stops at the first entry it cannot read or after ROBUST_LIMIT
 * entries (a list that loops), and a word it cannot change is skipped.
 */
#include "kernel/syscall.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/uaccess.h"

#define ROBUST_LIMIT    2048            /* entries walked at most, as Linux */
#define ENTRY_PI        1UL             /* low bit of an entry: a PI lock */

/* Linux's struct robust_list_head. */
struct robust_head {
	uint64_t list;
	int64_t futex_offset;
	uint64_t list_op_pending;
};

long sys_set_robust_list(uint64_t head, uint64_t len, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	(void)a2, (void)a3, (void)a4, (void)a5;
	if (len != sizeof(struct robust_head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* Thread pid's head (0: the caller's), and the size of one.  musl asks
 * before it makes a mutex robust. */
long sys_get_robust_list(uint64_t upid, uint64_t uhead, uint64_t ulen, uint64_t a3, uint64_t a4, uint64_t a5)
{
	int pid = (int)upid;
	struct proc *p = pid ? proc_find(pid) : current;
	uint64_t len = sizeof(struct robust_head);

	(void)a3, (void)a4, (void)a5;
	if (pid < 0 || !p || p->state == ZOMBIE)
		return -ESRCH;
	if (copy_to_user((void *)uhead, &p->robust_list, sizeof(p->robust_list)) < 0 ||
	    copy_to_user((void *)ulen, &len, sizeof(len)) < 0)
		return -EFAULT;
	return 0;
}

/* The lock word at addr, if current owns it: marked, and a waiter woken.
 * The word of the pending operation may read 0: the thread ended between
 * its unlock's store and its wake, so a waiter may sleep with no one left
 * to wake it; one is woken. */
static void owner_died(uint64_t addr, int pending)
{
	uint32_t word, marked;

	if (addr % sizeof(word) || copy_from_user(&word, (const void *)addr, sizeof(word)) < 0)
		return;
	if (pending && word == 0) {
		futex_wake(addr, 1);
		return;
	}
	if ((word & FUTEX_TID_MASK) != (uint32_t)current->pid)
		return;
	marked = (word & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (copy_to_user((void *)addr, &marked, sizeof(marked)) < 0)
		return;
	if (word & FUTEX_WAITERS)
		futex_wake(addr, 1);
}

static uint64_t lock_word(uint64_t entry, const struct robust_head *h)
{
	return entry + (uint64_t)h->futex_offset;
}

void futex_robust_exit(void)
{
	uint64_t head = current->robust_list, entry, pending;
	struct robust_head h;

	current->robust_list = 0;
	if (!head || copy_from_user(&h, (const void *)head, sizeof(h)) < 0)
		return;
	pending = h.list_op_pending & ~ENTRY_PI;
	entry = h.list & ~ENTRY_PI;
	for (int n = 0; entry && entry != head && n < ROBUST_LIMIT; n++) {
		uint64_t next;

		if (copy_from_user(&next, (const void *)entry, sizeof(next)) < 0)
			break;
		if (entry != pending)
			owner_died(lock_word(entry, &h), 0);
		entry = next & ~ENTRY_PI;
	}
	if (pending)
		owner_died(lock_word(pending, &h), 1);
}
