build-clang/k/kernel/printk.o: kernel/printk.c libc/include/fmt.h \
  kernel/printk.h arch/serial.h arch/tsc.h kernel/spinlock.h

libc/include/fmt.h:

kernel/printk.h:

arch/serial.h:

arch/tsc.h:

kernel/spinlock.h:
