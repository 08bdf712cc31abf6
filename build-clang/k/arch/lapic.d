build-clang/k/arch/lapic.o: arch/lapic.c arch/lapic.h arch/percpu.h \
  arch/cpu.h arch/pit.h arch/tsc.h arch/x86.h kernel/sched.h mm/kmap.h \
  mm/pgtable.h mm/layout.h

arch/lapic.h:

arch/percpu.h:

arch/cpu.h:

arch/pit.h:

arch/tsc.h:

arch/x86.h:

kernel/sched.h:

mm/kmap.h:

mm/pgtable.h:

mm/layout.h:
