build-clang/k/mm/check.o: mm/check.c mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h mm/frame.h kernel/printk.h

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/frame.h:

kernel/printk.h:
