build-clang/u/tests/user/dev_files.o: tests/user/dev_files.c \
  libc/include/dirent.h libc/include/limits.h libc/include/sys/types.h \
  libc/include/fcntl.h libc/include/sys/stat.h \
  libc/include/sys/utsname.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/dirent.h:

libc/include/limits.h:

libc/include/sys/types.h:

libc/include/fcntl.h:

libc/include/sys/stat.h:

libc/include/sys/utsname.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
