build-clang/k/kernel/sys_fs.o: kernel/sys_fs.c libc/include/string.h \
  kernel/syscall.h kernel/sys_fs.h kernel/vfs.h kernel/file.h \
  kernel/uapi.h kernel/namei.h kernel/procfs.h mm/heap.h kernel/errno.h \
  mm/layout.h mm/uaccess.h

libc/include/string.h:

kernel/syscall.h:

kernel/sys_fs.h:

kernel/vfs.h:

kernel/file.h:

kernel/uapi.h:

kernel/namei.h:

kernel/procfs.h:

mm/heap.h:

kernel/errno.h:

mm/layout.h:

mm/uaccess.h:
