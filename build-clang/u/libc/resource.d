build-clang/u/libc/resource.o: libc/resource.c libc/include/unistd.h \
  libc/include/sys/types.h libc/include/sys/resource.h \
  libc/include/sys/times.h libc/syscall.h libc/include/sys/syscall.h

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/resource.h:

libc/include/sys/times.h:

libc/syscall.h:

libc/include/sys/syscall.h:
