build-clang/k/kernel/namei.o: kernel/namei.c libc/include/string.h \
  kernel/namei.h kernel/uapi.h kernel/vfs.h kernel/file.h \
  kernel/syscall.h kernel/errno.h mm/heap.h

libc/include/string.h:

kernel/namei.h:

kernel/uapi.h:

kernel/vfs.h:

kernel/file.h:

kernel/syscall.h:

kernel/errno.h:

mm/heap.h:
