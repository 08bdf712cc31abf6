build-clang/u/user/forkstress/procs.o: user/forkstress/procs.c \
  libc/include/errno.h libc/include/signal.h libc/include/sys/types.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/wait.h \
  user/forkstress/forkstress.h

libc/include/errno.h:

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:

user/forkstress/forkstress.h:
