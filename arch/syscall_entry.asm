; The syscall instruction's entry point.  The CPU leaves the user's rip in
; rcx and rflags in r11, masks IF (see syscall_init), and does not switch
; stacks: we find the kernel stack through the per-CPU block that swapgs
; makes visible in gs, and build the same struct trapframe an interrupt
; would, so that fork, execve and signals treat both alike.

%include "arch/cpu_block.inc"

SEL_UDATA       equ 0x18 | 3
SEL_UCODE       equ 0x20 | 3
SYSCALL_VECTOR  equ 0x80            ; marks a syscall frame; no IDT gate uses it

extern syscall_dispatch
extern trap_return

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
        push rax
        push rbx
        push rcx
        push rdx
        push rsi
        push rdi
        push rbp
        push r8
        push r9
        push r10
        push r11
        push r12
        push r13
        push r14
        push r15
        mov rdi, rsp
        call syscall_dispatch
        jmp trap_return
