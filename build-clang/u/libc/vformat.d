build-clang/u/libc/vformat.o: libc/vformat.c libc/include/fmt.h \
  libc/include/string.h

libc/include/fmt.h:

libc/include/string.h:
