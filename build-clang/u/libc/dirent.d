build-clang/u/libc/dirent.o: libc/dirent.c libc/include/dirent.h \
  libc/include/limits.h libc/include/sys/types.h libc/include/fcntl.h \
  libc/include/stdlib.h libc/include/unistd.h libc/syscall.h \
  libc/include/sys/syscall.h

libc/include/dirent.h:

libc/include/limits.h:

libc/include/sys/types.h:

libc/include/fcntl.h:

libc/include/stdlib.h:

libc/include/unistd.h:

libc/syscall.h:

libc/include/sys/syscall.h:
