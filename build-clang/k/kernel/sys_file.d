build-clang/k/kernel/sys_file.o: kernel/sys_file.c libc/include/string.h \
  kernel/syscall.h kernel/file.h kernel/uapi.h kernel/proc.h arch/fpu.h \
  arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h kernel/signal.h \
  kernel/vfs.h kernel/fdtable.h kernel/pipe.h kernel/sys_fs.h \
  kernel/errno.h mm/uaccess.h

libc/include/string.h:

kernel/syscall.h:

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

kernel/pipe.h:

kernel/sys_fs.h:

kernel/errno.h:

mm/uaccess.h:
