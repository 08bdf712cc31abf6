build-clang/u/libc/time.o: libc/time.c libc/include/time.h \
  libc/include/sys/types.h libc/include/sys/time.h libc/include/unistd.h \
  libc/syscall.h libc/include/sys/syscall.h

libc/include/time.h:

libc/include/sys/types.h:

libc/include/sys/time.h:

libc/include/unistd.h:

libc/syscall.h:

libc/include/sys/syscall.h:
