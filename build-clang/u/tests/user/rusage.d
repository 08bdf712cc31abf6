build-clang/u/tests/user/rusage.o: tests/user/rusage.c \
  libc/include/stdlib.h libc/include/time.h libc/include/sys/types.h \
  libc/include/sys/mman.h libc/include/sys/resource.h \
  libc/include/sys/times.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/stdlib.h:

libc/include/time.h:

libc/include/sys/types.h:

libc/include/sys/mman.h:

libc/include/sys/resource.h:

libc/include/sys/times.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
