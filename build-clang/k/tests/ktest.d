build-clang/k/tests/ktest.o: tests/ktest.c libc/include/string.h \
  tests/ktest.h kernel/printk.h mm/frame.h mm/layout.h kernel/proc.h \
  arch/fpu.h arch/trap.h mm/mm.h mm/pgtable.h kernel/uapi.h \
  kernel/signal.h kernel/vfs.h kernel/file.h kernel/fdtable.h

libc/include/string.h:

tests/ktest.h:

kernel/printk.h:

mm/frame.h:

mm/layout.h:

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

mm/mm.h:

mm/pgtable.h:

kernel/uapi.h:

kernel/signal.h:

kernel/vfs.h:

kernel/file.h:

kernel/fdtable.h:
