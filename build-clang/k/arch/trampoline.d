build-clang/k/arch/trampoline.o : arch/trampoline.asm

