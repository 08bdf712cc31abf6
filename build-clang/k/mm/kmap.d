build-clang/k/mm/kmap.o: mm/kmap.c mm/kmap.h mm/pgtable.h mm/layout.h \
  mm/frame.h kernel/bootinfo.h kernel/panic.h arch/x86.h arch/cpu.h

mm/kmap.h:

mm/pgtable.h:

mm/layout.h:

mm/frame.h:

kernel/bootinfo.h:

kernel/panic.h:

arch/x86.h:

arch/cpu.h:
