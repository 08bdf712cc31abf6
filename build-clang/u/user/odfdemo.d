build-clang/u/user/odfdemo.o: user/odfdemo.c libc/include/errno.h \
  libc/include/stdio.h libc/include/stdlib.h libc/include/string.h \
  libc/include/time.h libc/include/sys/types.h libc/include/unistd.h \
  libc/include/sys/mman.h libc/include/sys/prctl.h \
  libc/include/sys/wait.h libc/include/forklab.h

libc/include/errno.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/time.h:

libc/include/sys/types.h:

libc/include/unistd.h:

libc/include/sys/mman.h:

libc/include/sys/prctl.h:

libc/include/sys/wait.h:

libc/include/forklab.h:
