#!/bin/sh
# Write the kernel's symbol table (kernel/ksyms.c) as assembly, from the text
# symbols of a linked kernel, or an empty table if no kernel is given.
# usage: ksyms.sh [kernel.elf] > ksyms.S
set -e
{ [ -n "$1" ] && nm -n --defined-only "$1" | awk '$2 ~ /^[tT]$/'; true; } | awk '
BEGIN { n = 0; off = 0 }
{ addr[n] = $1; name[n] = $3; n++ }
END {
	print "\t.section .ksyms, \"a\""
	print "\t.globl ksyms_count, ksyms_addr, ksyms_name, ksyms_strings"
	print "\t.balign 8"
	print "ksyms_count:\t.quad " n
	print "ksyms_addr:"
	for (i = 0; i < n; i++) print "\t.quad 0x" addr[i]
	print "ksyms_name:"
	for (i = 0; i < n; i++) { print "\t.long " off; off += length(name[i]) + 1 }
	print "ksyms_strings:"
	for (i = 0; i < n; i++) print "\t.asciz \"" name[i] "\""
	print "\t.section .note.GNU-stack, \"\", @progbits"
}'
