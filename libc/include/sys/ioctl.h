#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <abi/ioctl.h>

/* Every request here takes one argument, a pointer. */
int ioctl(int fd, unsigned long request, ...);

#endif
