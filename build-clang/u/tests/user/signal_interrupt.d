build-clang/u/tests/user/signal_interrupt.o: \
  tests/user/signal_interrupt.c libc/include/signal.h \
  libc/include/sys/types.h libc/include/time.h libc/include/sys/time.h \
  tests/user/check.h libc/include/errno.h libc/include/stdio.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/time.h:

libc/include/sys/time.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
