build-clang/k/arch/syscall.o: arch/syscall.c arch/cpu.h arch/gdt.h \
  arch/x86.h

arch/cpu.h:

arch/gdt.h:

arch/x86.h:
