build-clang/k/arch/switch.o : arch/switch.asm

