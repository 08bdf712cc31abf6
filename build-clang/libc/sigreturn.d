build-clang/libc/sigreturn.o: libc/sigreturn.S libc/include/sys/syscall.h

libc/include/sys/syscall.h:
