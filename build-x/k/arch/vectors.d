build-x/k/arch/vectors.o : arch/vectors.asm

