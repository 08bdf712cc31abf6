#ifndef MM_KSTACK_H
#define MM_KSTACK_H

#include <stdint.h>

#define KSTACK_PAGES    4
#define KSTACK_SIZE     (KSTACK_PAGES * PAGE_SIZE)
#define KSTACK_KEEP     16      /* ended processes' stacks kept before one TLB round */

void kstack_init(void);
/* Maps the kernel stack of process-table slot `slot`; returns its top, or 0
 * when out of memory. */
uint64_t kstack_alloc(int slot);
/* The slot's process has ended: its stack is kept for the slot's next
 * process, or given back with the other kept ones (mm/kstack.c). */
void kstack_free(int slot);
/* Gives back every kept stack (one TLB round). */
void kstack_trim(void);
/* The free frames, the kept stacks' given back first: what free memory
 * readers report, so that counts before and after a run agree. */
uint64_t frames_free_trimmed(void);
int kstack_check(void);

#endif
