build-clang/u/tests/user/boundary_attacks.o: \
  tests/user/boundary_attacks.c libc/include/fcntl.h \
  libc/include/sys/types.h libc/include/signal.h libc/include/stdlib.h \
  libc/include/time.h libc/include/sys/mman.h libc/include/sys/syscall.h \
  tests/user/check.h libc/include/errno.h libc/include/stdio.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/wait.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/signal.h:

libc/include/stdlib.h:

libc/include/time.h:

libc/include/sys/mman.h:

libc/include/sys/syscall.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
