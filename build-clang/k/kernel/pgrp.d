build-clang/k/kernel/pgrp.o: kernel/pgrp.c kernel/syscall.h kernel/proc.h \
  arch/fpu.h arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h kernel/uapi.h \
  kernel/signal.h kernel/vfs.h kernel/file.h kernel/fdtable.h \
  kernel/errno.h

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

kernel/errno.h:
