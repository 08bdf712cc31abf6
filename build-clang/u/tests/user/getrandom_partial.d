build-clang/u/tests/user/getrandom_partial.o: \
  tests/user/getrandom_partial.c libc/include/sys/mman.h \
  libc/include/sys/types.h libc/include/sys/random.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/wait.h

libc/include/sys/mman.h:

libc/include/sys/types.h:

libc/include/sys/random.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
