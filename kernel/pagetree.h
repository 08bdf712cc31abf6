#ifndef KERNEL_PAGETREE_H
#define KERNEL_PAGETREE_H

#include <stddef.h>
#include "mm/mm.h"

/* Writes mm's page-table tree (kernel/pagetree.c) into buf, at most size
 * bytes with the NUL; returns the length written. */
size_t pagetree_format(struct mm *mm, char *buf, size_t size);

#endif
