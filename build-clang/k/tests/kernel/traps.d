build-clang/k/tests/kernel/traps.o: tests/kernel/traps.c tests/ktest.h \
  arch/trap.h

tests/ktest.h:

arch/trap.h:
