build-clang/k/tests/kernel/cmdline.o: tests/kernel/cmdline.c \
  libc/include/string.h tests/ktest.h kernel/cmdline.h

libc/include/string.h:

tests/ktest.h:

kernel/cmdline.h:
