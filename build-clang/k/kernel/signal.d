build-clang/k/kernel/signal.o: kernel/signal.c libc/include/string.h \
  kernel/signal.h arch/trap.h kernel/uapi.h kernel/proc.h arch/fpu.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/sched.h kernel/printk.h kernel/errno.h \
  mm/heap.h arch/pit.h

libc/include/string.h:

kernel/signal.h:

arch/trap.h:

kernel/uapi.h:

kernel/proc.h:

arch/fpu.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/vfs.h:

kernel/file.h:

kernel/fdtable.h:

kernel/sched.h:

kernel/printk.h:

kernel/errno.h:

mm/heap.h:

arch/pit.h:
