build-clang/u/user/wc.o: user/wc.c libc/include/ctype.h \
  libc/include/errno.h libc/include/fcntl.h libc/include/sys/types.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/stat.h

libc/include/ctype.h:

libc/include/errno.h:

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/stat.h:
