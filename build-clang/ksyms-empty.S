	.section .ksyms, "a"
	.globl ksyms_count, ksyms_addr, ksyms_name, ksyms_strings
	.balign 8
ksyms_count:	.quad 0
ksyms_addr:
ksyms_name:
ksyms_strings:
	.section .note.GNU-stack, "", @progbits
