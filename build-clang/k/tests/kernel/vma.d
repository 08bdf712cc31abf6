build-clang/k/tests/kernel/vma.o: tests/kernel/vma.c tests/ktest.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/uapi.h mm/frame.h mm/heap.h \
  kernel/errno.h arch/trap.h

tests/ktest.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/frame.h:

mm/heap.h:

kernel/errno.h:

arch/trap.h:
