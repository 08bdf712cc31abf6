build-clang/u/user/forkstress/supervisor.o: user/forkstress/supervisor.c \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/types.h \
  libc/include/sys/prctl.h libc/include/forklab.h \
  user/forkstress/forkstress.h

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/prctl.h:

libc/include/forklab.h:

user/forkstress/forkstress.h:
