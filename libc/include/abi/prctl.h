/* prctl's options, with Linux's values.  Shared by the kernel
 * (kernel/uapi.h) and <sys/prctl.h>; forklab's own are in <forklab.h>. */
#ifndef _ABI_PRCTL_H
#define _ABI_PRCTL_H

#define PR_SET_PDEATHSIG	1	/* signal me when my parent dies */
#define PR_GET_PDEATHSIG	2
#define PR_SET_NAME		15	/* the name ps shows, up to 16 bytes */
#define PR_GET_NAME		16
#define PR_SET_CHILD_SUBREAPER	36	/* orphaned descendants become mine */
#define PR_GET_CHILD_SUBREAPER	37

#endif
