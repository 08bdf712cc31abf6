/*
 * vfork: the child runs on our stack, in our memory, until it execs or
 * exits, while we sleep.  Its first return would pop our return address,
 * and a call it then made would write over it; so it is held in a
 * register across the system call, which each process gets its own copy
 * of, and pushed back after.
 */
#include <sys/syscall.h>

	.text
	.globl vfork
	.type vfork, @function
vfork:
	pop	%rdx
	mov	$SYS_vfork, %eax
	syscall
	push	%rdx
	mov	%rax, %rdi
	jmp	__sysret

	.section .note.GNU-stack, "", @progbits
