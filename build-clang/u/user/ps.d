build-clang/u/user/ps.o: user/ps.c libc/include/ctype.h \
  libc/include/dirent.h libc/include/limits.h libc/include/sys/types.h \
  libc/include/fcntl.h libc/include/stdio.h libc/include/stdlib.h \
  libc/include/string.h libc/include/unistd.h

libc/include/ctype.h:

libc/include/dirent.h:

libc/include/limits.h:

libc/include/sys/types.h:

libc/include/fcntl.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:
