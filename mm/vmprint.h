/*
 * vmprint: an address space's page tables as text, one line per present
 * entry of the lower half (user space), for reading and for tests.  Lab 1
 * (docs/labs/lab1-pagetable.md) has you write the walker behind it.
 */
#ifndef MM_VMPRINT_H
#define MM_VMPRINT_H

#include <stddef.h>
#include "mm/mm.h"

#define VMPRINT_LINE_MAX        128     /* a line, its NUL included */
#define VMPRINT_FLAGS_MAX       48      /* every flag name, spaces, NUL */

/* Receives each line, without its newline. */
typedef void (*vmprint_out)(const char *line, void *arg);

/* Prints mm's tables on the console. */
void vmprint(struct mm *mm);
/* Hands mm's tables, line by line, to out (with arg). */
void vmprint_to(struct mm *mm, vmprint_out out, void *arg);
/* The names of the flags set in entry e of a table of `level` (enum
 * pt_level), separated by single spaces, into buf (size bytes). */
void vmprint_flags(pte_t e, int level, char *buf, size_t size);

#endif
