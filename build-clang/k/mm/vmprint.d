build-clang/k/mm/vmprint.o: mm/vmprint.c mm/vmprint.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h mm/frame.h kernel/printk.h

mm/vmprint.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/frame.h:

kernel/printk.h:
