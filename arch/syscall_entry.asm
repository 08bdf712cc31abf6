; The syscall instruction's entry point.  The CPU leaves the user's rip in
; rcx and rflags in r11, clears the flags of its mask (see syscall_init),
; and does not switch stacks: we find the kernel stack through the per-CPU
; block that swapgs makes visible in gs, and build the same struct
; trapframe an interrupt would, so that fork, execve and signals treat both
; alike.
;
; The way back is sysret, which is faster than iretq but trusts rcx and
; r11.  user_return (arch/entry.c) gives r11 only the flags a program may
; hold and kills the process for a non-canonical rip; the check below
; keeps sysret safe on its own all the same, since on Intel CPUs sysret to
; a non-canonical rip faults in kernel mode with the user's rsp and gs.

%include "arch/cpu_block.inc"
%include "arch/trapframe.inc"

SEL_UDATA       equ 0x18 | 3
SEL_UCODE       equ 0x20 | 3
SYSCALL_VECTOR  equ 0x80            ; marks a syscall frame; no IDT gate uses it
CANONICAL_END   equ 1 << 47         ; past the lower canonical half

extern syscall_dispatch
extern big_lock_take
extern user_return
extern trap_return
extern iret_to_user

section .text
global syscall_entry
syscall_entry:
        swapgs
        mov [gs:CPU_USER_RSP], rsp
        mov rsp, [gs:CPU_KERNEL_RSP]
        push SEL_UDATA
        push qword [gs:CPU_USER_RSP]
        push r11
        push SEL_UCODE
        push rcx
        push 0
        push SYSCALL_VECTOR
        PUSH_REGS
        call big_lock_take              ; user_return lets it go
        mov rdi, rsp
        call syscall_dispatch
        mov rdi, rsp
        call user_return
        test eax, eax                   ; a signal frame, or rt_sigreturn:
        jnz iret_to_user                ; rcx and r11 are the program's
        mov rax, [rsp + TF_RIP]
        mov rcx, CANONICAL_END
        cmp rax, rcx
        jae trap_return
        POP_REGS
        add rsp, 16                     ; vector and error code
        mov rcx, [rsp]                  ; rip
        mov r11, [rsp + 2 * 8]          ; rflags
        mov rsp, [rsp + 3 * 8]          ; the user's stack
        swapgs
        o64 sysret
