build-clang/k/kernel/ksyms.o: kernel/ksyms.c kernel/ksyms.h mm/layout.h

kernel/ksyms.h:

mm/layout.h:
