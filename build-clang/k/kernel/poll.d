build-clang/k/kernel/poll.o: kernel/poll.c kernel/poll.h kernel/file.h \
  kernel/uapi.h kernel/sched.h kernel/proc.h arch/fpu.h arch/trap.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/signal.h kernel/vfs.h \
  kernel/fdtable.h kernel/syscall.h kernel/errno.h mm/uaccess.h \
  arch/tsc.h

kernel/poll.h:

kernel/file.h:

kernel/uapi.h:

kernel/sched.h:

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/signal.h:

kernel/vfs.h:

kernel/fdtable.h:

kernel/syscall.h:

kernel/errno.h:

mm/uaccess.h:

arch/tsc.h:
