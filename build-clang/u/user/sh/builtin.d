build-clang/u/user/sh/builtin.o: user/sh/builtin.c libc/include/errno.h \
  libc/include/limits.h libc/include/stdio.h libc/include/stdlib.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/types.h \
  user/sh/sh.h libc/include/signal.h

libc/include/errno.h:

libc/include/limits.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

user/sh/sh.h:

libc/include/signal.h:
