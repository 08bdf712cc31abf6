build-clang/k/arch/idt.o: arch/idt.c arch/trap.h arch/gdt.h

arch/trap.h:

arch/gdt.h:
