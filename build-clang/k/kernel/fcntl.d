build-clang/k/kernel/fcntl.o: kernel/fcntl.c kernel/syscall.h \
  kernel/file.h kernel/uapi.h kernel/proc.h arch/fpu.h arch/trap.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/signal.h kernel/vfs.h \
  kernel/fdtable.h kernel/errno.h

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

kernel/errno.h:
