build-clang/k/mm/fork.o: mm/fork.c libc/include/string.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h mm/frame.h kernel/errno.h

libc/include/string.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/frame.h:

kernel/errno.h:
