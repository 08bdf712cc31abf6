build-clang/u/user/false.o: user/false.c libc/include/stdlib.h

libc/include/stdlib.h:
