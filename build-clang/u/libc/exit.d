build-clang/u/libc/exit.o: libc/exit.c libc/include/signal.h \
  libc/include/sys/types.h libc/include/stdio.h libc/include/stdlib.h \
  libc/include/unistd.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/unistd.h:
