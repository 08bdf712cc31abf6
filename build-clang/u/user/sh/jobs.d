build-clang/u/user/sh/jobs.o: user/sh/jobs.c libc/include/errno.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/sys/wait.h libc/include/sys/types.h user/sh/sh.h \
  libc/include/signal.h

libc/include/errno.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/sys/wait.h:

libc/include/sys/types.h:

user/sh/sh.h:

libc/include/signal.h:
