build-clang/u/tests/user/fault_kinds.o: tests/user/fault_kinds.c \
  libc/include/signal.h libc/include/sys/types.h libc/include/stdlib.h \
  libc/include/sys/mman.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

libc/include/sys/mman.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
