build-x/k/arch/trampoline.o : arch/trampoline.asm

