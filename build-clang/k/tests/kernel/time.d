build-clang/k/tests/kernel/time.o: tests/kernel/time.c tests/ktest.h \
  arch/pit.h arch/tsc.h arch/x86.h

tests/ktest.h:

arch/pit.h:

arch/tsc.h:

arch/x86.h:
