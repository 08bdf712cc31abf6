build-clang/u/user/forkstress/pages.o: user/forkstress/pages.c \
  user/forkstress/forkstress.h libc/include/sys/types.h

user/forkstress/forkstress.h:

libc/include/sys/types.h:
