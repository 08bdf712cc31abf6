/* futex's operations, their flags, and the bitset that matches any
 * waiter, with Linux's values.  Shared by the kernel (kernel/uapi.h) and
 * the programs that call futex themselves. */
#ifndef _ABI_FUTEX_H
#define _ABI_FUTEX_H

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_BITSET_MATCH_ANY	0xffffffffU

/* A robust lock word: its owner's tid and two flags. */
#define FUTEX_WAITERS		0x80000000U	/* someone sleeps on it */
#define FUTEX_OWNER_DIED	0x40000000U	/* its owner ended holding it */
#define FUTEX_TID_MASK		0x3fffffffU

#endif
