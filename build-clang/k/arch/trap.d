build-clang/k/arch/trap.o: arch/trap.c arch/trap.h arch/entry.h \
  arch/lapic.h arch/pic.h arch/x86.h kernel/panic.h kernel/printk.h \
  kernel/proc.h arch/fpu.h mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h kernel/signal.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/sched.h kernel/errno.h mm/uaccess.h

arch/trap.h:

arch/entry.h:

arch/lapic.h:

arch/pic.h:

arch/x86.h:

kernel/panic.h:

kernel/printk.h:

kernel/proc.h:

arch/fpu.h:

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
