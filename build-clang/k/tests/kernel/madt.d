build-clang/k/tests/kernel/madt.o: tests/kernel/madt.c \
  libc/include/string.h tests/ktest.h arch/acpi.h arch/percpu.h \
  arch/cpu.h kernel/errno.h

libc/include/string.h:

tests/ktest.h:

arch/acpi.h:

arch/percpu.h:

arch/cpu.h:

kernel/errno.h:
