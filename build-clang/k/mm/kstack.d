build-clang/k/mm/kstack.o: mm/kstack.c mm/layout.h mm/kstack.h mm/frame.h \
  mm/kmap.h mm/pgtable.h arch/cpu.h arch/x86.h kernel/panic.h \
  kernel/proc.h arch/fpu.h arch/trap.h mm/mm.h kernel/uapi.h \
  kernel/signal.h kernel/vfs.h kernel/file.h kernel/fdtable.h

mm/layout.h:

mm/kstack.h:

mm/frame.h:

mm/kmap.h:

mm/pgtable.h:

arch/cpu.h:

arch/x86.h:

kernel/panic.h:

kernel/proc.h:

arch/fpu.h:

arch/trap.h:

mm/mm.h:

kernel/uapi.h:

kernel/signal.h:

kernel/vfs.h:

kernel/file.h:

kernel/fdtable.h:
