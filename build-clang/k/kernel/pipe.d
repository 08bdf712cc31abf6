build-clang/k/kernel/pipe.o: kernel/pipe.c kernel/pipe.h kernel/file.h \
  kernel/uapi.h kernel/sched.h kernel/poll.h kernel/errno.h \
  kernel/panic.h kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/signal.h kernel/vfs.h kernel/fdtable.h \
  mm/frame.h mm/heap.h mm/uaccess.h

kernel/pipe.h:

kernel/file.h:

kernel/uapi.h:

kernel/sched.h:

kernel/poll.h:

kernel/errno.h:

kernel/panic.h:

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/signal.h:

kernel/vfs.h:

kernel/fdtable.h:

mm/frame.h:

mm/heap.h:

mm/uaccess.h:
