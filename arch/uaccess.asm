; The only instructions that touch user memory on behalf of a system call.
; Each may fault; the page-fault handler first tries to resolve the fault
; as if the process had made the access (demand-zero, copy-on-write), and
; when it cannot, resumes at the fixup listed for the instruction in the
; exception table (.extable, see mm/uaccess.c), which returns -EFAULT.
;
;   long uaccess_copy(void *dst, const void *src, size_t n)   0 or -EFAULT
;   long uaccess_strncpy(char *dst, const char *src, size_t max)
;        length of the string without its NUL, max if no NUL came, or -EFAULT

EFAULT  equ 14

%macro EXTABLE 2                        ; faulting instruction, fixup
section .extable
        dq %1, %2
section .text
%endmacro

section .text
global uaccess_copy
uaccess_copy:
        mov rcx, rdx
.copy:  rep movsb
        EXTABLE .copy, uaccess_fault
        xor eax, eax
        ret

global uaccess_strncpy
uaccess_strncpy:
        xor eax, eax
.next:  cmp rax, rdx
        je .done
.load:  mov cl, [rsi + rax]
        EXTABLE .load, uaccess_fault
        mov [rdi + rax], cl
        test cl, cl
        jz .done
        inc rax
        jmp .next
.done:  ret

uaccess_fault:
        mov rax, -EFAULT
        ret
