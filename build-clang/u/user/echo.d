build-clang/u/user/echo.o: user/echo.c libc/include/stdio.h \
  libc/include/stdlib.h libc/include/string.h

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:
