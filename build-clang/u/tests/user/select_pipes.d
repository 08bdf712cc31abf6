build-clang/u/tests/user/select_pipes.o: tests/user/select_pipes.c \
  libc/include/signal.h libc/include/sys/types.h \
  libc/include/sys/select.h libc/include/sys/time.h \
  libc/include/sys/syscall.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/sys/select.h:

libc/include/sys/time.h:

libc/include/sys/syscall.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
