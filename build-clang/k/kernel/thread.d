build-clang/k/kernel/thread.o: kernel/thread.c kernel/proc.h arch/fpu.h \
  arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h kernel/uapi.h \
  kernel/signal.h kernel/vfs.h kernel/file.h kernel/fdtable.h \
  kernel/sched.h kernel/errno.h

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

kernel/sched.h:

kernel/errno.h:
