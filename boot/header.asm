; Multiboot2 header: GRUB finds it in the first 32 KiB of the image and loads
; us in 32-bit protected mode with paging off (multiboot2 spec, section 3.1).

MB2_HEADER_MAGIC  equ 0xe85250d6
MB2_ARCH_I386     equ 0
MB2_TAG_END       equ 0
MB2_TAG_INFO_REQ  equ 1
MB2_TAG_ENTRY     equ 3
MB2_INFO_CMDLINE  equ 1
MB2_INFO_MODULES  equ 3
MB2_INFO_MMAP     equ 6

extern _start

section .multiboot
align 8
header:
        dd MB2_HEADER_MAGIC
        dd MB2_ARCH_I386
        dd header_end - header
        dd 0x100000000 - (MB2_HEADER_MAGIC + MB2_ARCH_I386 + (header_end - header))

; Ask for the command line, the modules (the initramfs) and the memory map.
align 8
info_req:
        dw MB2_TAG_INFO_REQ, 0
        dd info_req_end - info_req
        dd MB2_INFO_CMDLINE
        dd MB2_INFO_MODULES
        dd MB2_INFO_MMAP
info_req_end:

; The ELF entry point is a higher-half address; tell GRUB the physical one.
align 8
entry_tag:
        dw MB2_TAG_ENTRY, 0
        dd 12
        dd _start

align 8
        dw MB2_TAG_END, 0
        dd 8
header_end:
