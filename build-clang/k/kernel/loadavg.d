build-clang/k/kernel/loadavg.o: kernel/loadavg.c kernel/sched.h \
  kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h kernel/signal.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h arch/pit.h

kernel/sched.h:

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

arch/pit.h:
