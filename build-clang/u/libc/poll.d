build-clang/u/libc/poll.o: libc/poll.c libc/include/poll.h \
  libc/include/signal.h libc/include/sys/types.h \
  libc/include/sys/select.h libc/include/sys/time.h libc/syscall.h \
  libc/include/sys/syscall.h

libc/include/poll.h:

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/sys/select.h:

libc/include/sys/time.h:

libc/syscall.h:

libc/include/sys/syscall.h:
