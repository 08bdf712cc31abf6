/*
 * Waiting for children.  A wait status holds, for a child that exited, its
 * exit status in bits 8-15 and 0 in bits 0-6; for one a signal killed, the
 * signal in bits 0-6 (and bit 7 if it dumped core); 0x7f in bits 0-7 means
 * stopped, with the signal in bits 8-15.
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>

#include <abi/wait.h>

#define WEXITSTATUS(s)	(((s) >> 8) & 0xff)
#define WTERMSIG(s)	((s) & 0x7f)
#define WSTOPSIG(s)	WEXITSTATUS(s)
#define WCOREDUMP(s)	((s) & 0x80)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
#define WIFSTOPPED(s)	(((s) & 0xff) == 0x7f)
#define WIFSIGNALED(s)	(!WIFEXITED(s) && !WIFSTOPPED(s))

struct rusage;

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage);

#endif
