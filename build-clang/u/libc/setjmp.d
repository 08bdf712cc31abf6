build-clang/u/libc/setjmp.o: libc/setjmp.c libc/include/setjmp.h \
  libc/include/signal.h libc/include/sys/types.h

libc/include/setjmp.h:

libc/include/signal.h:

libc/include/sys/types.h:
