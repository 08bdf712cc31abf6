build-clang/u/tests/user/signal_handlers.o: tests/user/signal_handlers.c \
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
