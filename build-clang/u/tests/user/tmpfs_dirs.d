build-clang/u/tests/user/tmpfs_dirs.o: tests/user/tmpfs_dirs.c \
  libc/include/dirent.h libc/include/limits.h libc/include/sys/types.h \
  libc/include/fcntl.h libc/include/stdlib.h libc/include/sys/stat.h \
  libc/include/sys/statfs.h libc/include/sys/utsname.h \
  tests/user/check.h libc/include/errno.h libc/include/stdio.h \
  libc/include/string.h libc/include/unistd.h libc/include/sys/wait.h

libc/include/dirent.h:

libc/include/limits.h:

libc/include/sys/types.h:

libc/include/fcntl.h:

libc/include/stdlib.h:

libc/include/sys/stat.h:

libc/include/sys/statfs.h:

libc/include/sys/utsname.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
