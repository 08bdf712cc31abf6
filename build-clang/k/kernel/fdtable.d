build-clang/k/kernel/fdtable.o: kernel/fdtable.c kernel/fdtable.h \
  kernel/file.h kernel/uapi.h mm/heap.h

kernel/fdtable.h:

kernel/file.h:

kernel/uapi.h:

mm/heap.h:
