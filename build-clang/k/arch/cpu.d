build-clang/k/arch/cpu.o: arch/cpu.c libc/include/string.h arch/cpu.h \
  arch/x86.h kernel/panic.h

libc/include/string.h:

arch/cpu.h:

arch/x86.h:

kernel/panic.h:
