build-clang/k/arch/entry.o: arch/entry.c arch/entry.h arch/trap.h \
  arch/x86.h kernel/uapi.h kernel/printk.h kernel/proc.h arch/fpu.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/signal.h kernel/vfs.h \
  kernel/file.h kernel/fdtable.h

arch/entry.h:

arch/trap.h:

arch/x86.h:

kernel/uapi.h:

kernel/printk.h:

kernel/proc.h:

arch/fpu.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/signal.h:

kernel/vfs.h:

kernel/file.h:

kernel/fdtable.h:
