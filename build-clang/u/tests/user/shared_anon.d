build-clang/u/tests/user/shared_anon.o: tests/user/shared_anon.c \
  libc/include/sys/mman.h libc/include/sys/types.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/wait.h

libc/include/sys/mman.h:

libc/include/sys/types.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
