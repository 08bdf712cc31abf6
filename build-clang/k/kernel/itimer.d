build-clang/k/kernel/itimer.o: kernel/itimer.c kernel/syscall.h \
  kernel/signal.h arch/trap.h kernel/uapi.h kernel/proc.h arch/fpu.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/errno.h mm/uaccess.h arch/pit.h

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

kernel/errno.h:

mm/uaccess.h:

arch/pit.h:
