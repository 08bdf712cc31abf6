build-clang/k/arch/vectors.o : arch/vectors.asm

