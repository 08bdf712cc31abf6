build-clang/k/arch/gdt.o: arch/gdt.c libc/include/string.h arch/gdt.h \
  arch/percpu.h arch/cpu.h mm/layout.h

libc/include/string.h:

arch/gdt.h:

arch/percpu.h:

arch/cpu.h:

mm/layout.h:
