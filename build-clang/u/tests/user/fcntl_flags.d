build-clang/u/tests/user/fcntl_flags.o: tests/user/fcntl_flags.c \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/limits.h \
  libc/include/sys/resource.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/limits.h:

libc/include/sys/resource.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
