/*
 * Error numbers, with Linux's values: a failed system call returns one of
 * them negated, and the library stores it in errno.  These are the classic
 * Unix ones; Linux has more.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <abi/errno.h>

/* One thread per process, so one plain variable. */
extern int errno;

#endif
