build-clang/u/user/sh/edit.o: user/sh/edit.c libc/include/stdio.h \
  libc/include/stdlib.h libc/include/string.h libc/include/termios.h \
  libc/include/sys/types.h libc/include/unistd.h user/sh/sh.h \
  libc/include/signal.h

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/termios.h:

libc/include/sys/types.h:

libc/include/unistd.h:

user/sh/sh.h:

libc/include/signal.h:
