build-clang/k/arch/serial.o: arch/serial.c arch/serial.h arch/x86.h

arch/serial.h:

arch/x86.h:
