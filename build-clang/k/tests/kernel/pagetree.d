build-clang/k/tests/kernel/pagetree.o: tests/kernel/pagetree.c \
  libc/include/string.h tests/ktest.h kernel/pagetree.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h arch/trap.h \
  libc/include/forklab.h

libc/include/string.h:

tests/ktest.h:

kernel/pagetree.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

arch/trap.h:

libc/include/forklab.h:
