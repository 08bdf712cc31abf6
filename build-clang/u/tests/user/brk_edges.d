build-clang/u/tests/user/brk_edges.o: tests/user/brk_edges.c \
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
