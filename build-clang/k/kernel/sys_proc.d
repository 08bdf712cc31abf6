build-clang/k/kernel/sys_proc.o: kernel/sys_proc.c libc/include/string.h \
  kernel/syscall.h kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h kernel/signal.h kernel/vfs.h \
  kernel/file.h kernel/fdtable.h kernel/exec.h kernel/sched.h \
  kernel/errno.h kernel/memfd.h kernel/initramfs.h kernel/printk.h \
  mm/uaccess.h libc/include/forklab.h

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

kernel/exec.h:

kernel/sched.h:

kernel/errno.h:

kernel/memfd.h:

kernel/initramfs.h:

kernel/printk.h:

mm/uaccess.h:

libc/include/forklab.h:
