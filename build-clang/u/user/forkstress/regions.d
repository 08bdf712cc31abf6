build-clang/u/user/forkstress/regions.o: user/forkstress/regions.c \
  libc/include/errno.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/types.h libc/include/sys/mman.h \
  user/forkstress/forkstress.h

libc/include/errno.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/mman.h:

user/forkstress/forkstress.h:
