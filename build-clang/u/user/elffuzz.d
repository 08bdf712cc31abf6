build-clang/u/user/elffuzz.o: user/elffuzz.c libc/include/errno.h \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/signal.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/time.h libc/include/unistd.h libc/include/sys/wait.h

libc/include/errno.h:

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/signal.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/time.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
