build-clang/u/tests/user/inspect_kernel.o: tests/user/inspect_kernel.c \
  libc/include/sys/prctl.h libc/include/forklab.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/types.h libc/include/sys/wait.h

libc/include/sys/prctl.h:

libc/include/forklab.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/wait.h:
