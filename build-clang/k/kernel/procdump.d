build-clang/k/kernel/procdump.o: kernel/procdump.c kernel/proc.h \
  arch/fpu.h arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h kernel/uapi.h \
  kernel/signal.h kernel/vfs.h kernel/file.h kernel/fdtable.h \
  kernel/printk.h kernel/tty.h

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

kernel/signal.h:

kernel/vfs.h:

kernel/file.h:

kernel/fdtable.h:

kernel/printk.h:

kernel/tty.h:
