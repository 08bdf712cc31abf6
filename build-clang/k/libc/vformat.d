build-clang/k/libc/vformat.o: libc/vformat.c libc/include/fmt.h \
  libc/include/string.h

libc/include/fmt.h:

libc/include/string.h:
