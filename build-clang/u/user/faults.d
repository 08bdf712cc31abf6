build-clang/u/user/faults.o: user/faults.c libc/include/stdio.h \
  libc/include/stdlib.h libc/include/string.h

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:
