build-clang/u/user/ls.o: user/ls.c libc/include/dirent.h \
  libc/include/limits.h libc/include/sys/types.h libc/include/errno.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/sys/stat.h

libc/include/dirent.h:

libc/include/limits.h:

libc/include/sys/types.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/sys/stat.h:
