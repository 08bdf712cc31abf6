/*
 * _start: where the kernel starts every program, with the stack pointer at
 * argc (start.c describes what lies above it).  It hands that pointer to
 * __libc_start, with the stack 16-byte aligned at the call, as the ABI
 * requires.
 */
	.text
	.globl _start
	.type _start, @function
_start:
	xor	%ebp, %ebp		/* outermost frame: backtraces stop */
	mov	%rsp, %rdi
	and	$-16, %rsp
	call	__libc_start
	ud2				/* __libc_start never returns */

	.section .note.GNU-stack, "", @progbits
