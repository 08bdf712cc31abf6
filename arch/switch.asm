; swtch(uint64_t *save, uint64_t next): save the kernel context of the
; running thread and continue the one whose context is `next`.
;
; A context is rflags and what a C function must preserve across a call
; (rbx, rbp, r12-r15) pushed on the thread's own kernel stack, plus the
; return address the call pushed; it is named by the stack pointer after
; the pushes.  rflags is part of it so that no flag one thread runs with
; (DF, AC, NT, IF) carries over into the next one.

section .text
global swtch
swtch:
        pushfq
        push rbp
        push rbx
        push r12
        push r13
        push r14
        push r15
        mov [rdi], rsp
        mov rsp, rsi
        pop r15
        pop r14
        pop r13
        pop r12
        pop rbx
        pop rbp
        popfq
        ret

; Where a new process's first swtch() returns: its context holds the
; trapframe's address in rbx (proc_alloc puts it there), and trap_return
; takes it from there into user mode, once proc_first_run has run on the
; stack below it (rbx is callee-saved; the trapframe's size keeps the
; stack 16-byte aligned for the call).
extern trap_return
extern proc_first_run
global fork_return
fork_return:
        mov rsp, rbx
        call proc_first_run
        jmp trap_return
