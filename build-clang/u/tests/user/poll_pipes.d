build-clang/u/tests/user/poll_pipes.o: tests/user/poll_pipes.c \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/poll.h \
  libc/include/signal.h libc/include/time.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/wait.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/poll.h:

libc/include/signal.h:

libc/include/time.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
