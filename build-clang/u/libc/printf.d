build-clang/u/libc/printf.o: libc/printf.c libc/include/fmt.h \
  libc/include/stdio.h

libc/include/fmt.h:

libc/include/stdio.h:
