build-clang/k/mm/hodf.o: mm/hodf.c mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h mm/frame.h mm/trace.h kernel/errno.h kernel/panic.h

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/frame.h:

mm/trace.h:

kernel/errno.h:

kernel/panic.h:
