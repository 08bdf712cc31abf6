build-clang/u/libc/termios.o: libc/termios.c libc/include/errno.h \
  libc/include/termios.h libc/include/sys/types.h \
  libc/include/sys/ioctl.h

libc/include/errno.h:

libc/include/termios.h:

libc/include/sys/types.h:

libc/include/sys/ioctl.h:
