build-clang/k/tests/kernel/lab1.o: tests/kernel/lab1.c \
  libc/include/string.h tests/ktest.h tests/kernel/mm_fixture.h mm/mm.h \
  mm/pgtable.h mm/layout.h kernel/uapi.h arch/trap.h \
  libc/include/forklab.h mm/vmprint.h arch/cpu.h kernel/printk.h

libc/include/string.h:

tests/ktest.h:

tests/kernel/mm_fixture.h:

mm/mm.h:

mm/pgtable.h:

mm/layout.h:

kernel/uapi.h:

arch/trap.h:

libc/include/forklab.h:

mm/vmprint.h:

arch/cpu.h:

kernel/printk.h:
