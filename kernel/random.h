#ifndef KERNEL_RANDOM_H
#define KERNEL_RANDOM_H

#include <stddef.h>

/* Unpredictable enough for AT_RANDOM and getrandom in a teaching kernel
 * (seeded from the TSC); not for cryptography. */
void random_bytes(void *buf, size_t n);

#endif
