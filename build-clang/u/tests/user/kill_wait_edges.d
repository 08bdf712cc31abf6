build-clang/u/tests/user/kill_wait_edges.o: tests/user/kill_wait_edges.c \
  libc/include/signal.h libc/include/sys/types.h libc/include/time.h \
  libc/include/sys/utsname.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/time.h:

libc/include/sys/utsname.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
