build-clang/k/arch/madt.o: arch/madt.c libc/include/string.h arch/acpi.h \
  arch/percpu.h arch/cpu.h kernel/errno.h

libc/include/string.h:

arch/acpi.h:

arch/percpu.h:

arch/cpu.h:

kernel/errno.h:
