build-clang/k/kernel/exec.o: kernel/exec.c libc/include/string.h \
  kernel/exec.h kernel/elf.h mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h kernel/initramfs.h kernel/file.h kernel/vfs.h \
  kernel/procfs.h mm/heap.h kernel/proc.h arch/fpu.h arch/trap.h \
  kernel/signal.h kernel/fdtable.h kernel/random.h kernel/errno.h \
  mm/frame.h mm/uaccess.h arch/gdt.h arch/x86.h

libc/include/string.h:

kernel/exec.h:

kernel/elf.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

kernel/initramfs.h:

kernel/file.h:

kernel/vfs.h:

kernel/procfs.h:

mm/heap.h:

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

kernel/signal.h:

kernel/fdtable.h:

kernel/random.h:

kernel/errno.h:

mm/frame.h:

mm/uaccess.h:

arch/gdt.h:

arch/x86.h:
