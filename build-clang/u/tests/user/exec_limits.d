build-clang/u/tests/user/exec_limits.o: tests/user/exec_limits.c \
  libc/include/stdlib.h libc/include/sys/utsname.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/types.h libc/include/sys/wait.h

libc/include/stdlib.h:

libc/include/sys/utsname.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/wait.h:
