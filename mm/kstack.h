#ifndef MM_KSTACK_H
#define MM_KSTACK_H

#include <stdint.h>

#define KSTACK_PAGES    4
#define KSTACK_SIZE     (KSTACK_PAGES * PAGE_SIZE)

void kstack_init(void);
/* Maps the kernel stack of process-table slot `slot`; returns its top, or 0
 * when out of memory. */
uint64_t kstack_alloc(int slot);
void kstack_free(int slot);

#endif
