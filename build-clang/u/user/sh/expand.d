build-clang/u/user/sh/expand.o: user/sh/expand.c libc/include/stdio.h \
  libc/include/stdlib.h libc/include/string.h user/sh/sh.h \
  libc/include/signal.h libc/include/sys/types.h

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

user/sh/sh.h:

libc/include/signal.h:

libc/include/sys/types.h:
