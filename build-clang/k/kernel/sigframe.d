build-clang/k/kernel/sigframe.o: kernel/sigframe.c libc/include/string.h \
  kernel/signal.h arch/trap.h kernel/uapi.h kernel/proc.h arch/fpu.h \
  mm/mm.h mm/pgtable.h mm/layout.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/errno.h mm/uaccess.h arch/gdt.h arch/x86.h

libc/include/string.h:

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

arch/gdt.h:

arch/x86.h:
