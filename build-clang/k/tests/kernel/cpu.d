build-clang/k/tests/kernel/cpu.o: tests/kernel/cpu.c tests/ktest.h \
  arch/cpu.h arch/fpu.h arch/x86.h mm/kmap.h mm/pgtable.h mm/layout.h

tests/ktest.h:

arch/cpu.h:

arch/fpu.h:

arch/x86.h:

mm/kmap.h:

mm/pgtable.h:

mm/layout.h:
