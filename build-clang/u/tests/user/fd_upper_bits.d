build-clang/u/tests/user/fd_upper_bits.o: tests/user/fd_upper_bits.c \
  libc/include/sys/syscall.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/types.h libc/include/sys/wait.h

libc/include/sys/syscall.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/wait.h:
