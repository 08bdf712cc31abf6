build-clang/u/user/sh/run.o: user/sh/run.c libc/include/errno.h \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/signal.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/termios.h libc/include/unistd.h libc/include/sys/wait.h \
  user/sh/sh.h

libc/include/errno.h:

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/signal.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/termios.h:

libc/include/unistd.h:

libc/include/sys/wait.h:

user/sh/sh.h:
