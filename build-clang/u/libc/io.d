build-clang/u/libc/io.o: libc/io.c libc/include/termios.h \
  libc/include/sys/types.h libc/include/unistd.h libc/include/fcntl.h \
  libc/include/sys/ioctl.h libc/include/sys/uio.h libc/syscall.h \
  libc/include/sys/syscall.h

libc/include/termios.h:

libc/include/sys/types.h:

libc/include/unistd.h:

libc/include/fcntl.h:

libc/include/sys/ioctl.h:

libc/include/sys/uio.h:

libc/syscall.h:

libc/include/sys/syscall.h:
