build-clang/k/kernel/tmpfs.o: kernel/tmpfs.c libc/include/string.h \
  kernel/tmpfs.h kernel/vfs.h kernel/file.h kernel/uapi.h kernel/errno.h \
  mm/frame.h mm/layout.h mm/heap.h mm/uaccess.h

libc/include/string.h:

kernel/tmpfs.h:

kernel/vfs.h:

kernel/file.h:

kernel/uapi.h:

kernel/errno.h:

mm/frame.h:

mm/layout.h:

mm/heap.h:

mm/uaccess.h:
