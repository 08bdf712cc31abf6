#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#include <abi/prctl.h>

/* Up to four more arguments, as the option needs. */
int prctl(int option, ...);

#endif
