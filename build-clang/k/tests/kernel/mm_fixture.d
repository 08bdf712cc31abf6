build-clang/k/tests/kernel/mm_fixture.o: tests/kernel/mm_fixture.c \
  libc/include/string.h tests/ktest.h tests/kernel/mm_fixture.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h arch/trap.h \
  libc/include/forklab.h mm/frame.h

libc/include/string.h:

tests/ktest.h:

tests/kernel/mm_fixture.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

arch/trap.h:

libc/include/forklab.h:

mm/frame.h:
