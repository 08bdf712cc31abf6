build-clang/k/tests/kernel/initramfs.o: tests/kernel/initramfs.c \
  libc/include/string.h tests/ktest.h kernel/errno.h kernel/initramfs.h \
  kernel/file.h kernel/uapi.h kernel/vfs.h mm/heap.h

libc/include/string.h:

tests/ktest.h:

kernel/errno.h:

kernel/initramfs.h:

kernel/file.h:

kernel/uapi.h:

kernel/vfs.h:

mm/heap.h:
