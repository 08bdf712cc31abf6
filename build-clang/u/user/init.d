build-clang/u/user/init.o: user/init.c libc/include/errno.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/types.h \
  libc/include/sys/prctl.h libc/include/sys/wait.h

libc/include/errno.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/prctl.h:

libc/include/sys/wait.h:
