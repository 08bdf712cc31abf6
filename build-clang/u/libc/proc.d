build-clang/u/libc/proc.o: libc/proc.c libc/include/unistd.h \
  libc/include/sys/types.h libc/include/sys/wait.h libc/syscall.h \
  libc/include/sys/syscall.h

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/wait.h:

libc/syscall.h:

libc/include/sys/syscall.h:
