build-clang/k/tests/kernel/lab3.o: tests/kernel/lab3.c tests/ktest.h \
  tests/kernel/mm_fixture.h mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h arch/trap.h libc/include/forklab.h mm/frame.h mm/trace.h \
  kernel/errno.h

tests/ktest.h:

tests/kernel/mm_fixture.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

arch/trap.h:

libc/include/forklab.h:

mm/frame.h:

mm/trace.h:

kernel/errno.h:
