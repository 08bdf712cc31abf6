build-x/libc/setjmp.o: libc/setjmp.S
