build-clang/u/libc/strtol.o: libc/strtol.c libc/include/ctype.h \
  libc/include/errno.h libc/include/limits.h libc/include/stdlib.h

libc/include/ctype.h:

libc/include/errno.h:

libc/include/limits.h:

libc/include/stdlib.h:
