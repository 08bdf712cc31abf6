; Entry points for all 256 interrupt vectors.  Each stub makes the stack look
; the same (a dummy error code where the CPU pushes none, then the vector),
; and trap_entry saves the registers as a struct trapframe (arch/trap.h).
;
; The gate cleared IF, TF and NT; trap_entry loads RFLAGS_KERNEL first, so
; that DF and AC, which the interrupted code may have set, are clear too
; (popfq rather than cld and clac, which a CPU without SMAP lacks).  The way
; out to user mode goes through user_return (arch/entry.c) and ends at
; user_iretq, the one instruction whose fault comes with the user's gs.

%include "arch/trapframe.inc"

%define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)
NR_VECTORS      equ 256
STUB_ALIGN      equ 16
RFLAGS_KERNEL   equ 1 << 1              ; arch/x86.h
FRAME_RIP       equ 2 * 8               ; the CPU's frame, above vector and error
FRAME_CS        equ 3 * 8

extern trap_dispatch
extern user_return

section .text
align STUB_ALIGN
trap_stubs_start:
%assign v 0
%rep NR_VECTORS
align STUB_ALIGN
%if !HAS_ERROR(v)
        push 0
%endif
        push v
        jmp trap_entry
%assign v v + 1
%endrep

trap_entry:
        push RFLAGS_KERNEL
        popfq
        test qword [rsp + FRAME_CS], 3  ; from user mode?
        jnz .swap_gs
        push rax                        ; or a fault on user_iretq (arch/entry.c)
        lea rax, [rel user_iretq]
        cmp rax, [rsp + 8 + FRAME_RIP]
        pop rax
        jne .saved_gs
.swap_gs:
        swapgs
.saved_gs:
        PUSH_REGS
        mov rdi, rsp
        call trap_dispatch
global trap_return
trap_return:
        test qword [rsp + TF_CS], 3
        jz return_to_kernel
        mov rdi, rsp
        call user_return
global iret_to_user
iret_to_user:                           ; a frame user_return() has checked
        POP_REGS
        swapgs
        add rsp, 16                     ; vector and error code
global user_iretq
user_iretq:
        iretq
return_to_kernel:
        POP_REGS
        add rsp, 16
        iretq

section .rodata
align 8
global trap_stubs
trap_stubs:
%assign v 0
%rep NR_VECTORS
        dq trap_stubs_start + v * STUB_ALIGN
%assign v v + 1
%endrep
