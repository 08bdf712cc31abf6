build-clang/u/user/clear.o: user/clear.c libc/include/stdio.h \
  libc/include/stdlib.h

libc/include/stdio.h:

libc/include/stdlib.h:
