build-clang/libc/crt0.o: libc/crt0.S
