build-clang/u/tests/user/tmpfs_full.o: tests/user/tmpfs_full.c \
  libc/include/fcntl.h libc/include/sys/types.h libc/include/stdlib.h \
  libc/include/sys/statfs.h libc/include/sys/utsname.h tests/user/odf.h \
  libc/include/sys/mman.h libc/include/sys/prctl.h \
  libc/include/forklab.h tests/user/check.h libc/include/errno.h \
  libc/include/stdio.h libc/include/string.h libc/include/unistd.h \
  libc/include/sys/wait.h

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

libc/include/sys/statfs.h:

libc/include/sys/utsname.h:

tests/user/odf.h:

libc/include/sys/mman.h:

libc/include/sys/prctl.h:

libc/include/forklab.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
