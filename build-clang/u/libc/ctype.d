build-clang/u/libc/ctype.o: libc/ctype.c libc/include/ctype.h

libc/include/ctype.h:
