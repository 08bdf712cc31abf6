build-clang/u/libc/mkstemp.o: libc/mkstemp.c libc/include/errno.h \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/stdlib.h \
  libc/include/string.h libc/include/sys/random.h

libc/include/errno.h:

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/sys/random.h:
