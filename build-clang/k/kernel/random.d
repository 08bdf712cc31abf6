build-clang/k/kernel/random.o: kernel/random.c kernel/random.h arch/x86.h

kernel/random.h:

arch/x86.h:
