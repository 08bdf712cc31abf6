build-x/k/arch/uaccess.o : arch/uaccess.asm

