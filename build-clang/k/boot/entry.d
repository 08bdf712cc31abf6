build-clang/k/boot/entry.o : boot/entry.asm

