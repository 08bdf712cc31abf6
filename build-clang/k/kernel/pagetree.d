build-clang/k/kernel/pagetree.o: kernel/pagetree.c libc/include/string.h \
  kernel/pagetree.h mm/mm.h mm/pgtable.h mm/layout.h kernel/uapi.h \
  kernel/printk.h mm/frame.h

libc/include/string.h:

kernel/pagetree.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

kernel/printk.h:

mm/frame.h:
