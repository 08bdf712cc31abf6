build-clang/u/tests/user/memfd_exec.o: tests/user/memfd_exec.c \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/stdlib.h \
  libc/include/sys/stat.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

libc/include/sys/stat.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
