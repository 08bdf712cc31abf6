build-clang/k/kernel/proc.o: kernel/proc.c libc/include/string.h \
  kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h kernel/signal.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/sched.h kernel/console.h kernel/exec.h \
  kernel/errno.h kernel/printk.h kernel/panic.h mm/heap.h mm/kstack.h \
  mm/kmap.h mm/frame.h mm/failinject.h mm/uaccess.h arch/poweroff.h \
  arch/x86.h arch/tsc.h

libc/include/string.h:

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

kernel/console.h:

kernel/exec.h:

kernel/errno.h:

kernel/printk.h:

kernel/panic.h:

mm/heap.h:

mm/kstack.h:

mm/kmap.h:

mm/frame.h:

mm/failinject.h:

mm/uaccess.h:

arch/poweroff.h:

arch/x86.h:

arch/tsc.h:
