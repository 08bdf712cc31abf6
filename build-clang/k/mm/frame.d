build-clang/k/mm/frame.o: mm/frame.c libc/include/string.h mm/frame.h \
  mm/layout.h kernel/bootinfo.h kernel/panic.h kernel/printk.h \
  mm/failinject.h

libc/include/string.h:

mm/frame.h:

mm/layout.h:

kernel/bootinfo.h:

kernel/panic.h:

kernel/printk.h:

mm/failinject.h:
