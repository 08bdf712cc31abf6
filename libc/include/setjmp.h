/*
 * Non-local jumps.  A jmp_buf keeps the registers a function must keep
 * (rbx, rbp, r12-r15), the stack pointer and the return address; a
 * sigjmp_buf also the signal mask, when sigsetjmp was asked to save it,
 * so that siglongjmp out of a handler unblocks the signal again.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <signal.h>

#define __JMP_REGS	8

typedef struct {
	unsigned long __regs[__JMP_REGS];
	int __savemask;
	sigset_t __mask;
} __jmp_buf_tag;

typedef __jmp_buf_tag jmp_buf[1];
typedef __jmp_buf_tag sigjmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
_Noreturn void longjmp(jmp_buf env, int val);
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
_Noreturn void siglongjmp(sigjmp_buf env, int val);

#endif
