build-clang/u/tests/user/signal_groups.o: tests/user/signal_groups.c \
  libc/include/signal.h libc/include/sys/types.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
