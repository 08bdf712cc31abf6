#ifndef MM_FAILINJECT_H
#define MM_FAILINJECT_H

#include <stdint.h>

/*
 * Allocation-failure injection, for testing the out-of-memory paths:
 * fail_alloc=N makes every Nth frame or heap allocation fail,
 * fail_alloc=rand:SEED:PERCENT makes each fail with that chance.  It is
 * armed once init runs, so that the kernel itself can start.
 */
void failinject_init(const char *spec);
void failinject_arm(void);
int failinject_now(void);               /* should this allocation fail? */
uint64_t failinject_count(void);        /* allocations failed on purpose */

#endif
