#ifndef MM_HEAP_H
#define MM_HEAP_H

#include <stddef.h>

#define KMALLOC_MAX     4096

/* Kernel memory for small objects (at most KMALLOC_MAX bytes, aligned to
 * their size class); NULL when out of memory or too big. */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *p);
size_t heap_bytes_in_use(void);         /* rounded up to size classes */

#endif
