build-clang/u/libc/system.o: libc/system.c libc/include/errno.h \
  libc/include/unistd.h libc/include/sys/types.h libc/include/sys/auxv.h \
  libc/include/sys/prctl.h libc/include/sys/random.h \
  libc/include/sys/reboot.h libc/include/sys/utsname.h libc/syscall.h \
  libc/include/sys/syscall.h

libc/include/errno.h:

libc/include/unistd.h:

libc/include/sys/types.h:

libc/include/sys/auxv.h:

libc/include/sys/prctl.h:

libc/include/sys/random.h:

libc/include/sys/reboot.h:

libc/include/sys/utsname.h:

libc/syscall.h:

libc/include/sys/syscall.h:
