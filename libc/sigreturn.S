/*
 * __restore_rt: when a signal handler returns, it returns here (sigaction()
 * sets it as sa_restorer), and we ask the kernel to restore the context the
 * signal interrupted.  Linux on x86-64 requires this of every handler.
 */
#include <sys/syscall.h>

	.text
	.globl __restore_rt
	.type __restore_rt, @function
__restore_rt:
	mov	$SYS_rt_sigreturn, %eax
	syscall

	.section .note.GNU-stack, "", @progbits
