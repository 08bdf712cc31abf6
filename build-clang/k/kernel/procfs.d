build-clang/k/kernel/procfs.o: kernel/procfs.c libc/include/string.h \
  kernel/procfs.h mm/heap.h kernel/tmpfs.h kernel/sys_fs.h kernel/file.h \
  kernel/uapi.h kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/signal.h kernel/vfs.h kernel/fdtable.h \
  kernel/sched.h kernel/initramfs.h kernel/printk.h kernel/errno.h \
  mm/frame.h mm/uaccess.h arch/cpu.h arch/percpu.h mm/trace.h arch/tsc.h

libc/include/string.h:

kernel/procfs.h:

mm/heap.h:

kernel/tmpfs.h:

kernel/sys_fs.h:

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

kernel/initramfs.h:

kernel/printk.h:

kernel/errno.h:

mm/frame.h:

mm/uaccess.h:

arch/cpu.h:

arch/percpu.h:

mm/trace.h:

arch/tsc.h:
