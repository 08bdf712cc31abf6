build-x/k/boot/header.o : boot/header.asm

