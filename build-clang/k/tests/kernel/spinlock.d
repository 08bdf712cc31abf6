build-clang/k/tests/kernel/spinlock.o: tests/kernel/spinlock.c \
  tests/ktest.h kernel/spinlock.h arch/percpu.h arch/cpu.h arch/x86.h

tests/ktest.h:

kernel/spinlock.h:

arch/percpu.h:

arch/cpu.h:

arch/x86.h:
