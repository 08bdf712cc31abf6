build-clang/k/mm/odf.o: mm/odf.c libc/include/string.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h mm/frame.h kernel/errno.h \
  kernel/panic.h mm/trace.h

libc/include/string.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/frame.h:

kernel/errno.h:

kernel/panic.h:

mm/trace.h:
