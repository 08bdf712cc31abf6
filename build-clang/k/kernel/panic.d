build-clang/k/kernel/panic.o: kernel/panic.c kernel/panic.h \
  kernel/printk.h kernel/ksyms.h arch/trap.h arch/x86.h arch/poweroff.h \
  mm/layout.h

kernel/panic.h:

kernel/printk.h:

kernel/ksyms.h:

arch/trap.h:

arch/x86.h:

arch/poweroff.h:

mm/layout.h:
