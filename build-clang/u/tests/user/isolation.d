build-clang/u/tests/user/isolation.o: tests/user/isolation.c \
  libc/include/time.h libc/include/sys/types.h libc/include/sys/mman.h \
  tests/user/check.h libc/include/errno.h libc/include/stdio.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/wait.h

libc/include/time.h:

libc/include/sys/types.h:

libc/include/sys/mman.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
