build-clang/u/user/sleep.o: user/sleep.c libc/include/ctype.h \
  libc/include/errno.h libc/include/stdio.h libc/include/stdlib.h \
  libc/include/time.h libc/include/sys/types.h

libc/include/ctype.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/time.h:

libc/include/sys/types.h:
