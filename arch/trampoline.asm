; Where an application processor starts: a start-up IPI wakes it in real
; mode at TRAMPOLINE_PA, where arch/smp.c copies these bytes (they are
; never run where they are linked, so every address is computed as the
; copy's).  It goes through 32-bit protected mode to long mode on the
; boot page tables (boot/entry.asm's, which map this page where it is and
; the kernel where it is linked), then jumps to ap_main(cpu) on its own
; stack; ap_main loads the kernel's page tables.  arch/smp.c fills in
; trampoline_args before each start-up IPI.

TRAMPOLINE_PA   equ 0x8000              ; arch/smp.h
CR0_PE          equ 1 << 0
CR0_WP          equ 1 << 16
CR0_PG          equ 1 << 31
CR4_PAE         equ 1 << 5
MSR_EFER        equ 0xc0000080
EFER_LME        equ 1 << 8
GDT_CODE32      equ 0x00cf9a000000ffff
GDT_DATA        equ 0x00cf92000000ffff
GDT_CODE64      equ 0x00af9a000000ffff
SEL_CODE32      equ 0x08
SEL_DATA        equ 0x10
SEL_CODE64      equ 0x18

%define PA(label) (TRAMPOLINE_PA + (label) - trampoline_start)

section .rodata
global trampoline_start, trampoline_end, trampoline_args
bits 16
trampoline_start:
        cli
        cld
        xor ax, ax
        mov ds, ax
        o32 lgdt [PA(gdt_ptr)]
        mov eax, cr0
        or eax, CR0_PE
        mov cr0, eax
        jmp dword SEL_CODE32:PA(protected)

bits 32
protected:
        mov ax, SEL_DATA
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov eax, cr4
        or eax, CR4_PAE
        mov cr4, eax
        mov eax, [PA(trampoline_args)]  ; cr3: below 4 GiB
        mov cr3, eax
        mov ecx, MSR_EFER
        rdmsr
        or eax, EFER_LME
        wrmsr
        mov eax, cr0
        or eax, CR0_PG | CR0_WP
        mov cr0, eax
        jmp SEL_CODE64:PA(long_mode)

bits 64
long_mode:
        mov ax, SEL_DATA
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov rsp, [PA(trampoline_args) + 8]
        mov rdi, [PA(trampoline_args) + 24]
        xor ebp, ebp                    ; rbp = 0 and return address 0 end
        push rbp                        ; every backtrace
        jmp [PA(trampoline_args) + 16]

align 8
gdt:
        dq 0
        dq GDT_CODE32
        dq GDT_DATA
        dq GDT_CODE64
gdt_ptr:
        dw gdt_ptr - gdt - 1
        dd PA(gdt)

align 8
trampoline_args:                        ; struct trampoline_args (arch/smp.c)
        dq 0                            ; cr3
        dq 0                            ; stack
        dq 0                            ; entry
        dq 0                            ; cpu
trampoline_end:
