build-clang/u/tests/user/startup_calls.o: tests/user/startup_calls.c \
  libc/include/time.h libc/include/sys/types.h libc/include/sys/mman.h \
  libc/include/fcntl.h libc/include/sys/resource.h \
  libc/include/sys/stat.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/time.h:

libc/include/sys/types.h:

libc/include/sys/mman.h:

libc/include/fcntl.h:

libc/include/sys/resource.h:

libc/include/sys/stat.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
