build-clang/k/libc/string.o: libc/string.c libc/include/string.h

libc/include/string.h:
