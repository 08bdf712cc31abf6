build-clang/k/mm/mm.o: mm/mm.c libc/include/string.h mm/mm.h mm/pgtable.h \
  mm/layout.h kernel/uapi.h mm/frame.h mm/heap.h mm/kmap.h arch/x86.h \
  arch/cpu.h kernel/errno.h libc/include/forklab.h

libc/include/string.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

mm/frame.h:

mm/heap.h:

mm/kmap.h:

arch/x86.h:

arch/cpu.h:

kernel/errno.h:

libc/include/forklab.h:
