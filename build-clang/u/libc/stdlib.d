build-clang/u/libc/stdlib.o: libc/stdlib.c libc/include/stdlib.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/types.h

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:
