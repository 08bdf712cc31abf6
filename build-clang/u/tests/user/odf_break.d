build-clang/u/tests/user/odf_break.o: tests/user/odf_break.c \
  tests/user/odf.h libc/include/fcntl.h libc/include/sys/types.h \
  libc/include/stdlib.h libc/include/sys/mman.h libc/include/sys/prctl.h \
  libc/include/sys/utsname.h libc/include/forklab.h tests/user/check.h \
  libc/include/errno.h libc/include/stdio.h libc/include/string.h \
  libc/include/unistd.h libc/include/sys/wait.h

tests/user/odf.h:

libc/include/fcntl.h:

libc/include/sys/types.h:

libc/include/stdlib.h:

libc/include/sys/mman.h:

libc/include/sys/prctl.h:

libc/include/sys/utsname.h:

libc/include/forklab.h:

tests/user/check.h:

libc/include/errno.h:

libc/include/stdio.h:

libc/include/string.h:

libc/include/unistd.h:

libc/include/sys/wait.h:
