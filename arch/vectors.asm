; Entry points for all 256 interrupt vectors.  Each stub makes the stack look
; the same (a dummy error code where the CPU pushes none, then the vector),
; and trap_entry saves the registers as a struct trapframe (arch/trap.h).

%include "arch/trapframe.inc"

%define HAS_ERROR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)
NR_VECTORS      equ 256
STUB_ALIGN      equ 16

extern trap_dispatch

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
        test qword [rsp + 3 * 8], 3     ; from user mode? (cs in the CPU's frame)
        jz .saved_gs
        swapgs
.saved_gs:
        PUSH_REGS
        mov rdi, rsp
        call trap_dispatch
global trap_return
trap_return:
        POP_REGS
        test qword [rsp + 3 * 8], 3
        jz .restored_gs
        swapgs
.restored_gs:
        add rsp, 16                     ; vector and error code
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
