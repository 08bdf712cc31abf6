build-clang/k/kernel/elf.o: kernel/elf.c libc/include/string.h \
  kernel/elf.h mm/mm.h mm/pgtable.h mm/layout.h kernel/uapi.h \
  kernel/errno.h

libc/include/string.h:

kernel/elf.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

kernel/errno.h:
