build-clang/k/kernel/devfs.o: kernel/devfs.c libc/include/string.h \
  kernel/devfs.h kernel/vfs.h kernel/file.h kernel/uapi.h \
  kernel/console.h kernel/random.h kernel/errno.h mm/uaccess.h

libc/include/string.h:

kernel/devfs.h:

kernel/vfs.h:

kernel/file.h:

kernel/uapi.h:

kernel/console.h:

kernel/random.h:

kernel/errno.h:

mm/uaccess.h:
