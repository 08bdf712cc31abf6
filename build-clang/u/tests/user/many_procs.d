build-clang/u/tests/user/many_procs.o: tests/user/many_procs.c \
  tests/user/check.h libc/include/errno.h libc/include/stdio.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/types.h \
  libc/include/sys/wait.h

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/wait.h:
