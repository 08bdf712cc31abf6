build-clang/k/arch/syscall_entry.o : arch/syscall_entry.asm

