build-clang/k/kernel/futex.o: kernel/futex.c kernel/syscall.h \
  kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h kernel/signal.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/sched.h kernel/errno.h mm/uaccess.h arch/tsc.h

kernel/syscall.h:

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

mm/uaccess.h:

arch/tsc.h:
