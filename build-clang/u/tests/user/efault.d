build-clang/u/tests/user/efault.o: tests/user/efault.c \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/time.h \
  libc/include/sys/mman.h libc/include/sys/stat.h \
  libc/include/sys/utsname.h libc/include/forklab.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/wait.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/time.h:

libc/include/sys/mman.h:

libc/include/sys/stat.h:

libc/include/sys/utsname.h:

libc/include/forklab.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
