build-clang/k/arch/fpu.o: arch/fpu.c arch/fpu.h

arch/fpu.h:
