build-clang/k/kernel/sys_misc.o: kernel/sys_misc.c libc/include/string.h \
  kernel/syscall.h kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h kernel/signal.h kernel/vfs.h \
  kernel/file.h kernel/fdtable.h kernel/sched.h kernel/random.h \
  kernel/errno.h kernel/printk.h mm/uaccess.h arch/pit.h arch/tsc.h \
  arch/poweroff.h arch/x86.h

libc/include/string.h:

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

kernel/random.h:

kernel/errno.h:

kernel/printk.h:

mm/uaccess.h:

arch/pit.h:

arch/tsc.h:

arch/poweroff.h:

arch/x86.h:
