build-clang/k/mm/uaccess.o: mm/uaccess.c mm/uaccess.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h arch/cpu.h kernel/errno.h \
  kernel/proc.h arch/fpu.h arch/trap.h kernel/signal.h kernel/vfs.h \
  kernel/file.h kernel/fdtable.h

mm/uaccess.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

arch/cpu.h:

kernel/errno.h:

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

kernel/signal.h:

kernel/vfs.h:

kernel/file.h:

kernel/fdtable.h:
