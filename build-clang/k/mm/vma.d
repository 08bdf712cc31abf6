build-clang/k/mm/vma.o: mm/vma.c mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h mm/heap.h kernel/errno.h

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/heap.h:

kernel/errno.h:
