build-clang/k/mm/fault.o: mm/fault.c libc/include/string.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h mm/frame.h arch/trap.h \
  kernel/errno.h mm/trace.h arch/x86.h

libc/include/string.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/frame.h:

arch/trap.h:

kernel/errno.h:

mm/trace.h:

arch/x86.h:
