build-clang/k/tests/kernel/entry.o: tests/kernel/entry.c tests/ktest.h \
  arch/cpu.h arch/percpu.h arch/entry.h arch/trap.h arch/fpu.h \
  arch/gdt.h arch/x86.h kernel/proc.h mm/mm.h mm/pgtable.h mm/layout.h \
  kernel/uapi.h kernel/signal.h kernel/vfs.h kernel/file.h \
  kernel/fdtable.h kernel/sched.h

tests/ktest.h:

arch/cpu.h:

arch/percpu.h:

arch/entry.h:

arch/trap.h:

arch/fpu.h:

arch/gdt.h:

arch/x86.h:

kernel/proc.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

kernel/signal.h:

kernel/vfs.h:

kernel/file.h:

kernel/fdtable.h:

kernel/sched.h:
