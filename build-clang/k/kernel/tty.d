build-clang/k/kernel/tty.o: kernel/tty.c kernel/tty.h kernel/console.h \
  kernel/file.h kernel/uapi.h kernel/proc.h arch/fpu.h arch/trap.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/signal.h kernel/vfs.h \
  kernel/fdtable.h kernel/sched.h kernel/poll.h kernel/errno.h \
  mm/uaccess.h arch/tsc.h

kernel/tty.h:

kernel/console.h:

kernel/file.h:

kernel/uapi.h:

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/signal.h:

kernel/vfs.h:

kernel/fdtable.h:

kernel/sched.h:

kernel/poll.h:

kernel/errno.h:

mm/uaccess.h:

arch/tsc.h:
