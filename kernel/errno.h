/* Error numbers, with Linux's values (<abi/errno.h>, shared with the C
 * library): system calls return -ERRNO. */
#ifndef KERNEL_ERRNO_H
#define KERNEL_ERRNO_H

#include <abi/errno.h>

#endif
