build-clang/k/kernel/main.o: kernel/main.c libc/include/string.h \
  kernel/bootinfo.h kernel/cmdline.h kernel/printk.h kernel/panic.h \
  arch/cpu.h arch/fpu.h arch/gdt.h arch/lapic.h arch/percpu.h arch/pic.h \
  arch/pit.h arch/poweroff.h arch/serial.h arch/smp.h arch/trap.h \
  arch/tsc.h arch/x86.h mm/frame.h mm/layout.h mm/kmap.h mm/pgtable.h \
  kernel/console.h kernel/tty.h kernel/spinlock.h kernel/initramfs.h \
  kernel/file.h kernel/uapi.h kernel/vfs.h kernel/tmpfs.h kernel/devfs.h \
  kernel/proc.h mm/mm.h kernel/signal.h kernel/fdtable.h kernel/sched.h \
  mm/kstack.h mm/failinject.h mm/trace.h tests/ktest.h

libc/include/string.h:

kernel/bootinfo.h:

kernel/cmdline.h:

kernel/printk.h:

kernel/panic.h:

arch/cpu.h:

arch/fpu.h:

arch/gdt.h:

arch/lapic.h:

arch/percpu.h:

arch/pic.h:

arch/pit.h:

arch/poweroff.h:

arch/serial.h:

arch/smp.h:

arch/trap.h:

arch/tsc.h:

arch/x86.h:

mm/frame.h:

mm/layout.h:

mm/kmap.h:

mm/pgtable.h:

kernel/console.h:

kernel/tty.h:

kernel/spinlock.h:

kernel/initramfs.h:

kernel/file.h:

kernel/uapi.h:

kernel/vfs.h:

kernel/tmpfs.h:

kernel/devfs.h:

kernel/proc.h:

mm/mm.h:

kernel/signal.h:

kernel/fdtable.h:

kernel/sched.h:

mm/kstack.h:

mm/failinject.h:

mm/trace.h:

tests/ktest.h:
