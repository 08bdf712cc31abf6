build-clang/k/kernel/procfs_pid.o: kernel/procfs_pid.c \
  libc/include/string.h kernel/procfs.h mm/heap.h kernel/file.h \
  kernel/uapi.h kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/signal.h kernel/vfs.h kernel/fdtable.h \
  kernel/printk.h kernel/errno.h kernel/pagetree.h mm/uaccess.h \
  arch/tsc.h

libc/include/string.h:

kernel/procfs.h:

mm/heap.h:

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

kernel/printk.h:

kernel/errno.h:

kernel/pagetree.h:

mm/uaccess.h:

arch/tsc.h:
