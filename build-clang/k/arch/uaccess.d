build-clang/k/arch/uaccess.o : arch/uaccess.asm

