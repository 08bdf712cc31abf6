build-clang/u/libc/strerror.o: libc/strerror.c libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:
