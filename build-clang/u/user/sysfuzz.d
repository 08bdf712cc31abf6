build-clang/u/user/sysfuzz.o: user/sysfuzz.c libc/include/errno.h \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/signal.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/time.h libc/include/unistd.h libc/include/forklab.h \
  libc/include/sys/mman.h libc/include/sys/prctl.h \
  libc/include/sys/syscall.h libc/include/sys/wait.h

libc/include/errno.h:

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/signal.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/time.h:

libc/include/unistd.h:

libc/include/forklab.h:

libc/include/sys/mman.h:

libc/include/sys/prctl.h:

libc/include/sys/syscall.h:

libc/include/sys/wait.h:
