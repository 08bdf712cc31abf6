build-clang/u/libc/start.o: libc/start.c libc/include/errno.h \
  libc/include/stdlib.h libc/include/unistd.h libc/include/sys/types.h \
  libc/include/sys/auxv.h

libc/include/errno.h:

libc/include/stdlib.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/auxv.h:
