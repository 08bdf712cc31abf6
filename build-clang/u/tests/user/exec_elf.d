build-clang/u/tests/user/exec_elf.o: tests/user/exec_elf.c \
  libc/include/signal.h libc/include/sys/types.h \
  libc/include/sys/utsname.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/signal.h:

libc/include/sys/types.h:

libc/include/sys/utsname.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
