/*
 * Moving data between the kernel and user memory.  Every kernel access to a
 * user address goes through these: they check that the range lies in user
 * space, let the page-fault handler treat a fault as if the process had made
 * the access itself (demand-zero, copy-on-write), and turn an access the
 * process could not have made into -EFAULT instead of a panic.
 */
#ifndef MM_UACCESS_H
#define MM_UACCESS_H

#include <stddef.h>
#include <stdint.h>

/* 0, or -EFAULT if any byte could not be accessed. */
long copy_to_user(void *udst, const void *ksrc, size_t n);
long copy_from_user(void *kdst, const void *usrc, size_t n);
/* Copies a NUL-terminated string of at most max bytes including the NUL;
 * returns its length, -EFAULT, or -ENAMETOOLONG if no NUL came in time. */
long strncpy_from_user(char *kdst, const char *usrc, size_t max);
/* Is [addr, addr + n) inside user space (it may still be unmapped)? */
int user_range_ok(uint64_t addr, size_t n);
/* Where a kernel fault at rip in a user access resumes, or 0 if rip is
 * not in one (the fault handler's question, arch/trap.c). */
uint64_t uaccess_fixup(uint64_t rip);

#endif
