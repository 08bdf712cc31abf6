build-clang/u/libc/strdup.o: libc/strdup.c libc/include/stdlib.h \
  libc/include/string.h

libc/include/stdlib.h:

libc/include/string.h:
