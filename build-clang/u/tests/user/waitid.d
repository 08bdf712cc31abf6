build-clang/u/tests/user/waitid.o: tests/user/waitid.c \
  libc/include/signal.h libc/include/sys/types.h libc/include/stdlib.h \
  tests/user/check.h libc/include/errno.h libc/include/stdio.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
