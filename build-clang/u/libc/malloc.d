build-clang/u/libc/malloc.o: libc/malloc.c libc/include/errno.h \
  libc/include/stdlib.h libc/include/string.h libc/include/sys/mman.h \
  libc/include/sys/types.h

libc/include/errno.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/sys/mman.h:

libc/include/sys/types.h:
