build-clang/k/kernel/initramfs.o: kernel/initramfs.c \
  libc/include/string.h kernel/initramfs.h kernel/file.h kernel/uapi.h \
  kernel/vfs.h kernel/errno.h kernel/printk.h mm/heap.h mm/uaccess.h \
  kernel/namei.h

libc/include/string.h:

kernel/initramfs.h:

kernel/file.h:

kernel/uapi.h:

kernel/vfs.h:

kernel/errno.h:

kernel/printk.h:

mm/heap.h:

mm/uaccess.h:

kernel/namei.h:
