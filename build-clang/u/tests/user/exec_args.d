build-clang/u/tests/user/exec_args.o: tests/user/exec_args.c \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/stdlib.h \
  tests/user/check.h libc/include/errno.h libc/include/stdio.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/wait.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
