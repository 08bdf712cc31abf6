build-clang/k/arch/tsc.o: arch/tsc.c arch/tsc.h arch/x86.h arch/pit.h

arch/tsc.h:

arch/x86.h:

arch/pit.h:
