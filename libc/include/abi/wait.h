/* wait4's and waitid's options, and waitid's idtype, with Linux's values.
 * Shared by the kernel (kernel/uapi.h) and <sys/wait.h>. */
#ifndef _ABI_WAIT_H
#define _ABI_WAIT_H

#define WNOHANG		1
#define WUNTRACED	2	/* waitid's WSTOPPED */
#define WEXITED		4	/* waitid's */
#define WCONTINUED	8
#define WNOWAIT		0x01000000

#define P_ALL		0
#define P_PID		1
#define P_PGID		2

#endif
