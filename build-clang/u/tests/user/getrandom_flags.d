build-clang/u/tests/user/getrandom_flags.o: tests/user/getrandom_flags.c \
  libc/include/sys/random.h libc/include/sys/types.h \
  libc/include/sys/syscall.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/sys/random.h:

libc/include/sys/types.h:

libc/include/sys/syscall.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
