build-clang/libc/vfork.o: libc/vfork.S libc/include/sys/syscall.h

libc/include/sys/syscall.h:
