build-clang/k/arch/pic.o: arch/pic.c arch/pic.h arch/x86.h \
  kernel/printk.h

arch/pic.h:

arch/x86.h:

kernel/printk.h:
