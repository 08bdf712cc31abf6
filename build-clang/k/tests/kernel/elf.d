build-clang/k/tests/kernel/elf.o: tests/kernel/elf.c \
  libc/include/string.h tests/ktest.h kernel/elf.h mm/mm.h mm/pgtable.h \
  mm/layout.h kernel/uapi.h kernel/errno.h

libc/include/string.h:

tests/ktest.h:

kernel/elf.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

kernel/errno.h:
