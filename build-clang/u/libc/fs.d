build-clang/u/libc/fs.o: libc/fs.c libc/include/errno.h \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/unistd.h \
  libc/include/stdio.h libc/include/sys/stat.h libc/include/sys/statfs.h \
  libc/syscall.h libc/include/sys/syscall.h

libc/include/errno.h:

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/unistd.h:

libc/include/stdio.h:

libc/include/sys/stat.h:

libc/include/sys/statfs.h:

libc/syscall.h:

libc/include/sys/syscall.h:
