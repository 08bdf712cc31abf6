build-clang/u/user/kill.o: user/kill.c libc/include/errno.h \
  libc/include/signal.h libc/include/sys/types.h libc/include/stdio.h \
  libc/include/stdlib.h libc/include/string.h

libc/include/errno.h:

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:
