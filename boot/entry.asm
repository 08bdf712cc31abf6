; From GRUB's 32-bit protected mode to kmain() in 64-bit long mode.
;
; GRUB enters _start with paging off, EAX = multiboot2 magic and EBX = the
; physical address of the boot information.  We check that the CPU can run
; 64-bit code, build temporary page tables, enable long mode and jump to the
; higher half.  The boot page tables map the first 4 GiB of physical memory
; three times, with 2 MiB pages:
;
;   virtual                       physical      used by
;   0x0000000000000000 + 4 GiB -> 0            this file, until the jump up
;   0xffff800000000000 + 4 GiB -> 0            direct map (DMAP_BASE)
;   0xffffffff80000000 + 1 GiB -> 0            kernel image (KERNEL_VMA)
;
; mm/kmap.c replaces them with the kernel's final tables once the memory map
; is known.  The constants below must match mm/layout.h.

KERNEL_VMA      equ 0xffffffff80000000
MB2_BOOT_MAGIC  equ 0x36d76289
PAGE_SIZE       equ 4096
PTE_P           equ 1 << 0
PTE_W           equ 1 << 1
PTE_PS          equ 1 << 7
HUGE_2M         equ 1 << 21
BOOT_GIB        equ 4               ; GiB mapped by the boot tables
BOOT_STACK_SIZE equ 4 * PAGE_SIZE

CR0_PE          equ 1 << 0
CR0_WP          equ 1 << 16
CR0_PG          equ 1 << 31
CR4_PAE         equ 1 << 5
MSR_EFER        equ 0xc0000080
EFER_LME        equ 1 << 8
EFER_NXE        equ 1 << 11
EFLAGS_ID       equ 1 << 21
CPUID_EXT_BASE  equ 0x80000000
CPUID_EXT_FEAT  equ 0x80000001
CPUID_LM        equ 1 << 29
CPUID_NX        equ 1 << 20

COM1            equ 0x3f8
VGA_TEXT        equ 0xb8000
VGA_ATTR        equ 0x4f00          ; white on red

GDT_CODE64      equ 0x00af9a000000ffff
GDT_DATA        equ 0x00cf92000000ffff
SEL_CODE        equ 0x08
SEL_DATA        equ 0x10

extern kmain

section .boot.bss nobits alloc write align=4096
boot_tables:
global boot_pgd                         ; arch/smp.c: the APs start on these tables
boot_pgd:       resb PAGE_SIZE
boot_pud_low:   resb PAGE_SIZE
boot_pud_kern:  resb PAGE_SIZE
boot_pmd:       resb BOOT_GIB * PAGE_SIZE
boot_tables_end:
boot_stack:     resb PAGE_SIZE
boot_stack_top:

section .boot.data progbits alloc write align=8
gdt64:
        dq 0
        dq GDT_CODE64
        dq GDT_DATA
gdt64_ptr:
        dw gdt64_ptr - gdt64 - 1
        dd gdt64

msg_no_mb2:   db "forklab: not started by a multiboot2 loader (use GRUB)", 0
msg_no_lm:    db "forklab: this CPU has no 64-bit long mode; run qemu-system-x86_64 with a 64-bit CPU model", 0

section .boot.text progbits alloc exec
bits 32
global _start
_start:
        cli
        cld
        mov esp, boot_stack_top
        mov edi, eax                    ; keep magic and info across calls
        mov esi, ebx
        call serial_init
        mov ebx, msg_no_mb2
        cmp edi, MB2_BOOT_MAGIC
        jne fail
        call check_long_mode
        call build_tables
        call enter_long_mode
        lgdt [gdt64_ptr]
        jmp SEL_CODE:long_entry

; Fails (never returns) unless CPUID reports long mode.
check_long_mode:
        pushfd                          ; CPUID exists iff EFLAGS.ID can flip
        pop eax
        mov ecx, eax
        xor eax, EFLAGS_ID
        push eax
        popfd
        pushfd
        pop eax
        push ecx
        popfd
        cmp eax, ecx
        je .no
        mov eax, CPUID_EXT_BASE
        cpuid
        cmp eax, CPUID_EXT_FEAT
        jb .no
        mov eax, CPUID_EXT_FEAT
        cpuid
        test edx, CPUID_LM
        jz .no
        ret
.no:    mov ebx, msg_no_lm              ; after cpuid, which writes ebx
        jmp fail

build_tables:
        push edi
        mov edi, boot_tables            ; .boot.bss is not loaded: zero it
        mov ecx, (boot_tables_end - boot_tables) / 4
        xor eax, eax
        rep stosd
        pop edi
        mov dword [boot_pgd], boot_pud_low + PTE_P + PTE_W
        mov dword [boot_pgd + 256 * 8], boot_pud_low + PTE_P + PTE_W
        mov dword [boot_pgd + 511 * 8], boot_pud_kern + PTE_P + PTE_W
        mov dword [boot_pud_kern + 510 * 8], boot_pmd + PTE_P + PTE_W
        xor ecx, ecx
.pud:   mov eax, ecx
        shl eax, 12
        add eax, boot_pmd + PTE_P + PTE_W
        mov [boot_pud_low + ecx * 8], eax
        inc ecx
        cmp ecx, BOOT_GIB
        jb .pud
        xor ecx, ecx                    ; 2 MiB pages; bits 32+ of 4 GiB
.pmd:   mov eax, ecx                    ; fit in the low dword's shift
        shl eax, 21
        or eax, PTE_P + PTE_W + PTE_PS
        mov [boot_pmd + ecx * 8], eax
        mov eax, ecx
        shr eax, 11
        mov [boot_pmd + ecx * 8 + 4], eax
        inc ecx
        cmp ecx, BOOT_GIB * 512
        jb .pmd
        ret

enter_long_mode:
        mov eax, cr4
        or eax, CR4_PAE
        mov cr4, eax
        mov eax, boot_pgd
        mov cr3, eax
        mov eax, CPUID_EXT_FEAT
        cpuid
        mov ebx, EFER_LME
        test edx, CPUID_NX
        jz .no_nx
        or ebx, EFER_NXE
.no_nx: mov ecx, MSR_EFER
        rdmsr
        or eax, ebx
        wrmsr
        mov eax, cr0
        or eax, CR0_PG | CR0_WP | CR0_PE
        mov cr0, eax
        ret

; 115200 8N1 on COM1, enough to print the failure message.
serial_init:
        mov dx, COM1 + 1
        xor al, al
        out dx, al                      ; no interrupts
        mov dx, COM1 + 3
        mov al, 0x80
        out dx, al                      ; DLAB on
        mov dx, COM1
        mov al, 1
        out dx, al                      ; divisor 1 = 115200 baud
        mov dx, COM1 + 1
        xor al, al
        out dx, al
        mov dx, COM1 + 3
        mov al, 3
        out dx, al                      ; 8N1, DLAB off
        ret

; Print the string at EBX on COM1 and on the VGA text screen, then stop.
fail:
        mov edi, VGA_TEXT
.next:  mov al, [ebx]
        test al, al
        jz .halt
        mov dx, COM1
        out dx, al
        movzx ax, al
        or ax, VGA_ATTR
        mov [edi], ax
        add edi, 2
        inc ebx
        jmp .next
.halt:  mov dx, COM1
        mov al, 10
        out dx, al
.stop:  hlt
        jmp .stop

bits 64
long_entry:
        mov ax, SEL_DATA
        mov ds, ax
        mov es, ax
        mov ss, ax
        xor eax, eax
        mov fs, ax
        mov gs, ax
        mov rax, high_entry
        jmp rax

section .bss
align 16
global boot_stack_high, boot_stack_top_high
boot_stack_high:
        resb BOOT_STACK_SIZE
boot_stack_top_high:

section .text
high_entry:
        mov rsp, boot_stack_top_high
        mov edi, esi                    ; kmain(info): a 32-bit move clears
        xor ebp, ebp                    ; the upper half
        push rbp                        ; rbp = 0 and return address 0 end
        jmp kmain                       ; every backtrace; kmain never returns
