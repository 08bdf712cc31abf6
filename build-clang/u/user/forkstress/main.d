build-clang/u/user/forkstress/main.o: user/forkstress/main.c \
  libc/include/errno.h libc/include/stdio.h libc/include/stdlib.h \
  libc/include/string.h user/forkstress/forkstress.h \
  libc/include/sys/types.h

libc/include/errno.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

user/forkstress/forkstress.h:

libc/include/sys/types.h:
