/* kmain: bring the machine up, in dependency order, then run tests or idle. */
#include <string.h>
#include "kernel/bootinfo.h"
#include "kernel/cmdline.h"
#include "kernel/printk.h"
#include "kernel/panic.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/gdt.h"
#include "arch/lapic.h"
#include "arch/percpu.h"
#include "arch/irq.h"
#include "arch/pic.h"
#include "arch/pit.h"
#include "arch/poweroff.h"
#include "arch/serial.h"
#include "arch/smp.h"
#include "arch/trap.h"
#include "arch/tsc.h"
#include "arch/x86.h"
#include "mm/frame.h"
#include "mm/kmap.h"
#include "kernel/console.h"
#include "kernel/tty.h"
#include "kernel/spinlock.h"
#include "kernel/initramfs.h"
#include "kernel/tmpfs.h"
#include "kernel/devfs.h"
#include "kernel/vfs.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "mm/kstack.h"
#include "mm/tlb.h"
#include "mm/failinject.h"
#include "mm/trace.h"
#include "tests/ktest.h"

#define MIB             (1024 * 1024)
#define HZ_PER_MHZ      1000000
#define FORKLAB_VERSION "0.1"
#define INIT_ARGS_MAX   32
#define CMD_FILE_MAX    2048    /* a command file's bytes, with room for a '\0' */
#define CMD_MODULE      "cmd"   /* scripts/mkiso.sh names the command file so */

static struct bootinfo bootinfo;

/* The next word of s (or of the string before, if s is NULL): words are
 * split on spaces, and single quotes keep spaces in one (and are dropped),
 * so cmd="/bin/sh -c 'echo hi | cat'" gives /bin/sh, -c, echo hi | cat. */
static char *next_word(char *s)
{
	static char *next;
	char *word, *out;
	int quoted = 0;

	if (s)
		next = s;
	while (*next == ' ')
		next++;
	if (!*next)
		return NULL;
	word = out = next;
	for (; *next && (quoted || *next != ' '); next++) {
		if (*next == '\'')
			quoted = !quoted;
		else
			*out++ = *next;
	}
	if (*next)
		next++;
	*out = '\0';
	return word;
}

static void apply_options(void)
{
	const char *panic_opt = cmdline_get("panic"), *mode = cmdline_get("fork_mode");

	tty_set_onlcr(cmdline_get_long("onlcr", 0));
	serial_set_onlcr(SERIAL_LOG, cmdline_get_long("klog_onlcr", 0));
	printk_set_level(cmdline_get_long("loglevel", LOG_INFO));
	panic_set_halt(panic_opt && !strcmp(panic_opt, "halt"));
	mm_check_enabled = cmdline_get_long("mm_check", 0);
	lock_debug = cmdline_get_long("lockdebug", 0);
	fork_shootdown = cmdline_get_long("fork_shootdown", 1);
	failinject_init(cmdline_get("fail_alloc"));
	fault_trace.print = cmdline_get("trace") && !strcmp(cmdline_get("trace"), "faults");
	for (int m = 0; mode && m < FORK_MODES; m++)
		if (!strcmp(mode, fork_mode_names[m]))
			default_fork_mode = m;
}

static void mount_root(void)
{
	const struct boot_module *m = bootinfo.nmodules ? &bootinfo.modules[0] : NULL;

	if (!m) {
		pr_warn("no root image was loaded\n");
		return;
	}
	if (initramfs_init(P2V(m->range.start), m->range.end - m->range.start) < 0)
		pr_warn("the root image is damaged; using what could be read\n");
}

/* One tree: the root image at "/", and the file systems in memory. */
static void mount_all(void)
{
	vfs_init(initramfs_root());
	vfs_mount("tmp", tmpfs_init());
	vfs_mount("dev", devfs_init());
	vfs_mount("proc", vfs_proc_root());
}

/* The command file (`make run CMD=`), copied out of its boot module with a
 * '\0' after it; NULL when there is none.  Its text reaches /bin/sh -c as
 * it is: neither GRUB nor the command line parser ever sees it. */
static char *command_file(void)
{
	static char text[CMD_FILE_MAX];

	for (int i = 0; i < bootinfo.nmodules; i++) {
		const struct boot_module *m = &bootinfo.modules[i];
		uint64_t len = m->range.end - m->range.start;

		if (strcmp(m->name, CMD_MODULE))
			continue;
		if (len >= sizeof(text)) {
			pr_err("the command file is %lu bytes; at most %lu fit\n",
			       len, sizeof(text) - 1);
			machine_exit(EXIT_FAIL);
		}
		memcpy(text, P2V(m->range.start), len);
		return text;
	}
	return NULL;
}

/* Appends the words of cmd= to argv from argv[argc] on; returns argc. */
static int cmd_words(char **argv, int argc)
{
	static char words[CMDLINE_MAX];
	const char *cmd = cmdline_get("cmd");

	strncpy(words, cmd ? cmd : "", sizeof(words) - 1);
	for (char *w = next_word(words); w; w = next_word(NULL)) {
		if (argc > INIT_ARGS_MAX) {
			pr_warn("cmd= has more than %d words: \"%s\" and the rest left out\n",
				INIT_ARGS_MAX, w);
			break;
		}
		argv[argc++] = w;
	}
	return argc;
}

/* init's argv: the init= program (default /bin/init), then what init runs
 * instead of the shell: /bin/sh -c and the command file, or else the words
 * of cmd=. */
static void start_init(void)
{
	static char *argv[INIT_ARGS_MAX + 2];
	char *file = command_file();
	int argc = 0;

	argv[argc++] = (char *)(cmdline_get("init") ? cmdline_get("init") : "/bin/init");
	if (file) {
		argv[argc++] = "/bin/sh";
		argv[argc++] = "-c";
		argv[argc++] = file;
	} else {
		argc = cmd_words(argv, argc);
	}
	argv[argc] = NULL;
	kprintf("forklab: %lu frames free before init\n", frames_free());
	proc_start_init(argv[0], argv);
	failinject_arm();
}

static void banner(void)
{
	kprintf("forklab %s (x86-64): %lu MiB usable RAM, %lu frames free, %d CPU%s started\n",
		FORKLAB_VERSION, frames_total() * PAGE_SIZE / MIB, frames_free(),
		ncpus, ncpus == 1 ? "" : "s");
	pr_info("cpu: %s, TSC %lu MHz,%s%s%s\n", cpu_has.vendor, tsc_hz() / HZ_PER_MHZ,
		cpu_has.nx ? " nx" : "", cpu_has.smep ? " smep" : "", cpu_has.smap ? " smap" : "");
	pr_info("command line: %s\n", bootinfo.cmdline);
}

void __attribute__((noreturn)) kmain(uint64_t info_pa)
{
	const char *tests;
	struct madt madt_table;
	const struct madt *madt;

	percpu_init(&cpus[0]);          /* printk's lock needs this_cpu() */
	serial_init();
	cpu_init();
	gdt_init();
	idt_init();
	bootinfo_parse(info_pa, &bootinfo);
	cmdline_init(bootinfo.cmdline);
	apply_options();
	frame_init(&bootinfo);
	kmap_init(&bootinfo);
	kstack_init();
	fpu_init();
	syscall_init();
	pic_init();
	tsc_init();
	lapic_map();
	lapic_calibrate();
	madt = acpi_read_madt(&bootinfo, &madt_table);
	irq_init(madt, cmdline_get_long("ioapic", 1));
	lapic_init();
	smp_init(&bootinfo, madt);
	sti();
	banner();
	mount_root();
	mount_all();
	tests = cmdline_get("test");
	if (tests)
		machine_exit(ktest_run(tests) ? EXIT_FAIL : EXIT_OK);
	cli();                          /* from here on, only user mode and idle take them */
	console_init();
	start_init();
	sched_start();
	scheduler_run();
}
