build-clang/k/kernel/memfd.o: kernel/memfd.c libc/include/string.h \
  kernel/memfd.h kernel/syscall.h kernel/file.h kernel/uapi.h \
  kernel/initramfs.h kernel/vfs.h kernel/errno.h mm/frame.h mm/layout.h \
  mm/heap.h mm/kmap.h mm/pgtable.h mm/uaccess.h

libc/include/string.h:

kernel/memfd.h:

kernel/syscall.h:

kernel/file.h:

kernel/uapi.h:

kernel/initramfs.h:

kernel/vfs.h:

kernel/errno.h:

mm/frame.h:

mm/layout.h:

mm/heap.h:

mm/kmap.h:

mm/pgtable.h:

mm/uaccess.h:
