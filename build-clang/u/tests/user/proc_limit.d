build-clang/u/tests/user/proc_limit.o: tests/user/proc_limit.c \
  libc/include/sys/utsname.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/types.h libc/include/sys/wait.h

libc/include/sys/utsname.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/wait.h:
