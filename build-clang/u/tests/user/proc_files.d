build-clang/u/tests/user/proc_files.o: tests/user/proc_files.c \
  libc/include/dirent.h libc/include/limits.h libc/include/sys/types.h \
  libc/include/fcntl.h libc/include/signal.h libc/include/stdio.h \
  libc/include/stdlib.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/prctl.h libc/include/sys/resource.h \
  libc/include/sys/syscall.h libc/include/sys/utsname.h \
  libc/include/sys/wait.h tests/user/check.h libc/include/errno.h

libc/include/dirent.h:

libc/include/limits.h:

libc/include/sys/types.h:

libc/include/fcntl.h:

libc/include/signal.h:

libc/include/stdio.h:

libc/include/stdlib.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/prctl.h:

libc/include/sys/resource.h:

libc/include/sys/syscall.h:

libc/include/sys/utsname.h:

libc/include/sys/wait.h:

tests/user/check.h:

libc/include/errno.h:
