build-clang/u/libc/syscall.o: libc/syscall.c libc/include/errno.h \
  libc/syscall.h libc/include/sys/syscall.h

libc/include/errno.h:

libc/syscall.h:

libc/include/sys/syscall.h:
