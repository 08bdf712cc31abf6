build-clang/u/user/grep.o: user/grep.c libc/include/stdio.h \
  libc/include/stdlib.h libc/include/string.h

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:
