build-clang/u/tests/user/futex_edges.o: tests/user/futex_edges.c \
  libc/include/signal.h libc/include/sys/types.h libc/include/sys/mman.h \
  libc/include/sys/time.h libc/include/time.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/sys/mman.h:

libc/include/sys/time.h:

libc/include/time.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
