build-clang/k/kernel/console.o: kernel/console.c kernel/console.h \
  kernel/tty.h arch/pic.h arch/serial.h

kernel/console.h:

kernel/tty.h:

arch/pic.h:

arch/serial.h:
