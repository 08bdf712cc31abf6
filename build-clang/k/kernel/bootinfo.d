build-clang/k/kernel/bootinfo.o: kernel/bootinfo.c kernel/bootinfo.h \
  kernel/panic.h mm/layout.h

kernel/bootinfo.h:

kernel/panic.h:

mm/layout.h:
