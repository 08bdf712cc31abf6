build-clang/k/kernel/vfs.o: kernel/vfs.c libc/include/string.h \
  kernel/vfs.h kernel/file.h kernel/uapi.h kernel/proc.h arch/fpu.h \
  arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h kernel/signal.h \
  kernel/fdtable.h kernel/errno.h kernel/panic.h kernel/initramfs.h \
  mm/uaccess.h

libc/include/string.h:

kernel/vfs.h:

kernel/file.h:

kernel/uapi.h:

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/signal.h:

kernel/fdtable.h:

kernel/errno.h:

kernel/panic.h:

kernel/initramfs.h:

mm/uaccess.h:
