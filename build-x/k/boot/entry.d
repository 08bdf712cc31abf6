build-x/k/boot/entry.o : boot/entry.asm

