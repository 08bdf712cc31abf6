build-clang/u/libc/signal.o: libc/signal.c libc/include/errno.h \
  libc/include/signal.h libc/include/sys/types.h libc/include/unistd.h \
  libc/syscall.h libc/include/sys/syscall.h

libc/include/errno.h:

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/unistd.h:

libc/syscall.h:

libc/include/sys/syscall.h:
