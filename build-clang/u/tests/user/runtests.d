build-clang/u/tests/user/runtests.o: tests/user/runtests.c \
  libc/include/dirent.h libc/include/limits.h libc/include/sys/types.h \
  libc/include/stdlib.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/dirent.h:

libc/include/limits.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
