build-clang/libc/setjmp.o: libc/setjmp.S
