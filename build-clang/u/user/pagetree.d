build-clang/u/user/pagetree.o: user/pagetree.c libc/include/fcntl.h \
  libc/include/sys/types.h libc/include/stdio.h libc/include/stdlib.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/mman.h \
  libc/include/sys/prctl.h libc/include/sys/wait.h \
  libc/include/forklab.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/mman.h:

libc/include/sys/prctl.h:

libc/include/sys/wait.h:

libc/include/forklab.h:
