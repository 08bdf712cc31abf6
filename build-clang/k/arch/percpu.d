build-clang/k/arch/percpu.o: arch/percpu.c arch/percpu.h arch/cpu.h \
  arch/x86.h

arch/percpu.h:

arch/cpu.h:

arch/x86.h:
