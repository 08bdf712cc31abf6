build-clang/k/boot/header.o : boot/header.asm

