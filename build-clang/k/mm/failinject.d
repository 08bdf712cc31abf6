build-clang/k/mm/failinject.o: mm/failinject.c libc/include/string.h \
  mm/failinject.h kernel/printk.h

libc/include/string.h:

mm/failinject.h:

kernel/printk.h:
