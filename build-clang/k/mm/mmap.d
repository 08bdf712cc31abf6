build-clang/k/mm/mmap.o: mm/mmap.c mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h mm/heap.h mm/frame.h kernel/errno.h

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/heap.h:

mm/frame.h:

kernel/errno.h:
