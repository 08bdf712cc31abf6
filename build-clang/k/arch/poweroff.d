build-clang/k/arch/poweroff.o: arch/poweroff.c arch/poweroff.h arch/x86.h

arch/poweroff.h:

arch/x86.h:
