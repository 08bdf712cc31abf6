build-clang/u/user/sh/vars.o: user/sh/vars.c libc/include/ctype.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  user/sh/sh.h libc/include/signal.h libc/include/sys/types.h

libc/include/ctype.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

user/sh/sh.h:

libc/include/signal.h:

libc/include/sys/types.h:
