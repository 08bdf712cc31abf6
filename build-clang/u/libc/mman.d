build-clang/u/libc/mman.o: libc/mman.c libc/include/errno.h \
  libc/include/unistd.h libc/include/sys/types.h libc/include/sys/mman.h \
  libc/syscall.h libc/include/sys/syscall.h

libc/include/errno.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/mman.h:

libc/syscall.h:

libc/include/sys/syscall.h:
