build-clang/u/libc/qsort.o: libc/qsort.c libc/include/stdlib.h

libc/include/stdlib.h:
