build-clang/k/arch/acpi.o: arch/acpi.c libc/include/string.h arch/acpi.h \
  arch/percpu.h arch/cpu.h kernel/bootinfo.h kernel/printk.h mm/kmap.h \
  mm/pgtable.h mm/layout.h

libc/include/string.h:

arch/acpi.h:

arch/percpu.h:

arch/cpu.h:

kernel/bootinfo.h:

kernel/printk.h:

mm/kmap.h:

mm/pgtable.h:

mm/layout.h:
