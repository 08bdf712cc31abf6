build-clang/u/libc/stdio.o: libc/stdio.c libc/include/errno.h \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/fmt.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/unistd.h

libc/include/errno.h:

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/fmt.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:
