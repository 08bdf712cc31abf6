build-clang/k/kernel/spinlock.o: kernel/spinlock.c kernel/spinlock.h \
  kernel/panic.h kernel/ksyms.h kernel/printk.h arch/percpu.h arch/cpu.h \
  arch/tsc.h arch/x86.h

kernel/spinlock.h:

kernel/panic.h:

kernel/ksyms.h:

kernel/printk.h:

arch/percpu.h:

arch/cpu.h:

arch/tsc.h:

arch/x86.h:
