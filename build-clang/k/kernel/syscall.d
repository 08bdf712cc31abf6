build-clang/k/kernel/syscall.o: kernel/syscall.c kernel/syscall.h \
  kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h kernel/signal.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/sched.h kernel/printk.h kernel/errno.h

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

kernel/printk.h:

kernel/errno.h:
