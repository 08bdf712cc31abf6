build-clang/k/mm/heap.o: mm/heap.c libc/include/string.h mm/heap.h \
  mm/frame.h mm/layout.h kernel/panic.h mm/failinject.h

libc/include/string.h:

mm/heap.h:

mm/frame.h:

mm/layout.h:

kernel/panic.h:

mm/failinject.h:
