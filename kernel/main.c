/* kmain: bring the machine up, in dependency order, then run tests or idle. */
#include "kernel/bootinfo.h"
#include "kernel/cmdline.h"
#include "kernel/printk.h"
#include "kernel/panic.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/gdt.h"
#include "arch/pic.h"
#include "arch/pit.h"
#include "arch/poweroff.h"
#include "arch/serial.h"
#include "arch/trap.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "mm/frame.h"
#include "mm/kmap.h"
#include "tests/ktest.h"

#define MIB             (1024 * 1024)
#define HZ_PER_MHZ      1000000
#define FORKLAB_VERSION "0.1"

static struct bootinfo bootinfo;

static void apply_options(void)
{
	const char *panic_opt = cmdline_get("panic");

	printk_set_level(cmdline_get_long("loglevel", LOG_INFO));
	panic_set_halt(panic_opt && !__builtin_strcmp(panic_opt, "halt"));
}

static void banner(void)
{
	kprintf("forklab %s (x86-64): %lu MiB usable RAM, %lu frames free\n",
		FORKLAB_VERSION, frames_total() * PAGE_SIZE / MIB, frames_free());
	pr_info("cpu: %s, TSC %lu MHz,%s%s%s\n", cpu_has.vendor, tsc_hz() / HZ_PER_MHZ,
		cpu_has.nx ? " nx" : "", cpu_has.smep ? " smep" : "", cpu_has.smap ? " smap" : "");
	pr_info("command line: %s\n", bootinfo.cmdline);
}

void kmain(uint64_t info_pa)
{
	const char *tests;

	serial_init();
	cpu_init();
	gdt_init();
	idt_init();
	bootinfo_parse(info_pa, &bootinfo);
	cmdline_init(bootinfo.cmdline);
	apply_options();
	frame_init(&bootinfo);
	kmap_init(&bootinfo);
	fpu_init();
	pic_init();
	pit_init();
	tsc_init();
	sti();
	banner();
	tests = cmdline_get("test");
	if (tests)
		machine_exit(ktest_run(tests) ? EXIT_FAIL : EXIT_OK);
	pr_info("nothing to run; idle (quit QEMU with Ctrl-A x)\n");
	for (;;)
		hlt();
}
