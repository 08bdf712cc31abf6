build-clang/k/arch/smp.o: arch/smp.c libc/include/string.h arch/smp.h \
  arch/acpi.h arch/percpu.h arch/cpu.h arch/gdt.h arch/lapic.h \
  arch/trap.h arch/tsc.h arch/x86.h kernel/bootinfo.h kernel/printk.h \
  mm/kmap.h mm/pgtable.h mm/layout.h

libc/include/string.h:

arch/smp.h:

arch/acpi.h:

arch/percpu.h:

arch/cpu.h:

arch/gdt.h:

arch/lapic.h:

arch/trap.h:

arch/tsc.h:

arch/x86.h:

kernel/bootinfo.h:

kernel/printk.h:

mm/kmap.h:

mm/pgtable.h:

mm/layout.h:
