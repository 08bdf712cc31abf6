#ifndef KERNEL_KSYMS_H
#define KERNEL_KSYMS_H

/* The kernel function containing addr, and addr's offset in it; NULL if none. */
const char *ksym_lookup(unsigned long addr, unsigned long *offset);

#endif
