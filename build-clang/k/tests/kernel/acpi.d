build-clang/k/tests/kernel/acpi.o: tests/kernel/acpi.c \
  libc/include/string.h tests/ktest.h arch/acpi.h arch/percpu.h \
  arch/cpu.h kernel/bootinfo.h

libc/include/string.h:

tests/ktest.h:

arch/acpi.h:

arch/percpu.h:

arch/cpu.h:

kernel/bootinfo.h:
