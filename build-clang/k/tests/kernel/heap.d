build-clang/k/tests/kernel/heap.o: tests/kernel/heap.c \
  libc/include/string.h tests/ktest.h mm/heap.h mm/frame.h mm/layout.h

libc/include/string.h:

tests/ktest.h:

mm/heap.h:

mm/frame.h:

mm/layout.h:
