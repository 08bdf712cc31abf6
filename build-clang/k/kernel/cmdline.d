build-clang/k/kernel/cmdline.o: kernel/cmdline.c libc/include/string.h \
  kernel/cmdline.h kernel/printk.h

libc/include/string.h:

kernel/cmdline.h:

kernel/printk.h:
