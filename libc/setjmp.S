/*
 * setjmp, sigsetjmp and longjmp (setjmp.h has the buffer's layout).  The
 * saved rsp is the caller's after the return, and the saved rip the
 * return address: longjmp returns from setjmp a second time.
 */
#define J_RBX		0
#define J_RBP		8
#define J_R12		16
#define J_R13		24
#define J_R14		32
#define J_R15		40
#define J_RSP		48
#define J_RIP		56
#define J_SAVEMASK	64
#define RET_ADDR	8	/* what the call pushed */
#define CALL_ALIGN	8	/* rsp is 16-byte aligned at a call */

	.text
	.globl setjmp
	.type setjmp, @function
setjmp:
	movl	$0, J_SAVEMASK(%rdi)
save_regs:
	mov	%rbx, J_RBX(%rdi)
	mov	%rbp, J_RBP(%rdi)
	mov	%r12, J_R12(%rdi)
	mov	%r13, J_R13(%rdi)
	mov	%r14, J_R14(%rdi)
	mov	%r15, J_R15(%rdi)
	lea	RET_ADDR(%rsp), %rdx
	mov	%rdx, J_RSP(%rdi)
	mov	(%rsp), %rdx
	mov	%rdx, J_RIP(%rdi)
	xor	%eax, %eax
	ret

	.globl sigsetjmp
	.type sigsetjmp, @function
sigsetjmp:
	mov	%esi, J_SAVEMASK(%rdi)
	test	%esi, %esi
	jz	save_regs
	push	%rdi
	call	__sigsetjmp_mask	/* the mask into the buffer */
	pop	%rdi
	jmp	save_regs

	.globl longjmp
	.type longjmp, @function
longjmp:
	mov	%esi, %eax
	test	%eax, %eax
	jnz	1f
	inc	%eax			/* setjmp never seems to return 0 twice */
1:	mov	J_RBX(%rdi), %rbx
	mov	J_RBP(%rdi), %rbp
	mov	J_R12(%rdi), %r12
	mov	J_R13(%rdi), %r13
	mov	J_R14(%rdi), %r14
	mov	J_R15(%rdi), %r15
	mov	J_RSP(%rdi), %rsp
	jmp	*J_RIP(%rdi)

	.section .note.GNU-stack, "", @progbits
