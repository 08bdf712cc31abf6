build-x/libc/crt0.o: libc/crt0.S
