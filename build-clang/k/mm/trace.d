build-clang/k/mm/trace.o: mm/trace.c mm/trace.h arch/trap.h \
  kernel/printk.h kernel/proc.h arch/fpu.h mm/mm.h mm/pgtable.h \
  mm/layout.h kernel/uapi.h kernel/signal.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h

mm/trace.h:

arch/trap.h:

kernel/printk.h:

kernel/proc.h:

arch/fpu.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

kernel/signal.h:

kernel/vfs.h:

kernel/file.h:

kernel/fdtable.h:
