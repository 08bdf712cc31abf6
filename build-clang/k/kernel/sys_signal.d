build-clang/k/kernel/sys_signal.o: kernel/sys_signal.c kernel/syscall.h \
  kernel/signal.h arch/trap.h kernel/uapi.h kernel/proc.h arch/fpu.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/sched.h kernel/errno.h kernel/printk.h \
  mm/uaccess.h arch/pit.h

kernel/syscall.h:

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

kernel/errno.h:

kernel/printk.h:

mm/uaccess.h:

arch/pit.h:
