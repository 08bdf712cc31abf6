build-clang/k/kernel/sched.o: kernel/sched.c kernel/sched.h kernel/proc.h \
  arch/fpu.h arch/trap.h mm/mm.h mm/pgtable.h mm/layout.h kernel/uapi.h \
  kernel/signal.h kernel/vfs.h kernel/file.h kernel/fdtable.h \
  kernel/errno.h arch/percpu.h arch/cpu.h arch/gdt.h arch/x86.h \
  arch/tsc.h

kernel/sched.h:

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

arch/percpu.h:

arch/cpu.h:

arch/gdt.h:

arch/x86.h:

arch/tsc.h:
