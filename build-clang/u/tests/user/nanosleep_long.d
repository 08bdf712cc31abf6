build-clang/u/tests/user/nanosleep_long.o: tests/user/nanosleep_long.c \
  libc/include/signal.h libc/include/sys/types.h libc/include/time.h \
  tests/user/check.h libc/include/errno.h libc/include/stdio.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/time.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
