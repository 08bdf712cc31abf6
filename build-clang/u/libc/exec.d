build-clang/u/libc/exec.o: libc/exec.c libc/include/errno.h \
  libc/include/limits.h libc/include/stdio.h libc/include/stdlib.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/types.h

libc/include/errno.h:

libc/include/limits.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/types.h:
