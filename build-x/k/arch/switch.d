build-x/k/arch/switch.o : arch/switch.asm

