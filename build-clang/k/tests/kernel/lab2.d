build-clang/k/tests/kernel/lab2.o: tests/kernel/lab2.c tests/ktest.h \
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
