build-clang/u/user/sh/lex.o: user/sh/lex.c libc/include/fcntl.h \
  libc/include/sys/types.h libc/include/stdlib.h libc/include/string.h \
  user/sh/sh.h libc/include/signal.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

libc/include/string.h:

user/sh/sh.h:

libc/include/signal.h:
