build-clang/k/kernel/file.o: kernel/file.c kernel/file.h kernel/uapi.h \
  kernel/panic.h mm/heap.h

kernel/file.h:

kernel/uapi.h:

kernel/panic.h:

mm/heap.h:
