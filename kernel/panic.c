/*
 * panic(): report and stop.  The report shows the registers (for a trap),
 * what a page fault was doing, and a backtrace symbolized with the table the
 * build links into the image (kernel/ksyms.c).
 */
#include <stdarg.h>
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/ksyms.h"
#include "arch/trap.h"
#include "arch/x86.h"
#include "arch/poweroff.h"
#include "mm/layout.h"

#define BACKTRACE_MAX   32

static int halt_on_panic;
static int panicking;

void panic_set_halt(int halt)
{
	halt_on_panic = halt;
}

static void __attribute__((noreturn)) stop(void)
{
	if (!halt_on_panic)
		machine_exit(EXIT_PANIC);
	for (;;)
		hlt();
}

static void print_frame(int depth, unsigned long addr)
{
	unsigned long off;
	const char *name = ksym_lookup(addr, &off);

	if (name)
		kprintf("  #%-2d %016lx %s+%#lx\n", depth, addr, name, off);
	else
		kprintf("  #%-2d %016lx ?\n", depth, addr);
}

/* Frames are linked by rbp: [rbp] = caller's rbp, [rbp + 8] = return address.
 * The boot code sets rbp = 0, which ends the chain. */
void backtrace(unsigned long rip, unsigned long rbp)
{
	kprintf("backtrace:\n");
	print_frame(0, rip);
	for (int depth = 1; rbp && depth < BACKTRACE_MAX; depth++) {
		unsigned long *frame = (unsigned long *)rbp;

		if (rbp < DMAP_BASE || rbp % sizeof(long)) {
			kprintf("  (bad frame pointer %016lx)\n", rbp);
			return;
		}
		if (!frame[1])
			return;
		print_frame(depth, frame[1] - 1);       /* inside the call */
		rbp = frame[0];
	}
}

static void enter(void)
{
	cli();
	printk_break_lock();
	if (__atomic_fetch_add(&panicking, 1, __ATOMIC_SEQ_CST)) {
		kprintf("\nnested panic\n");
		stop();
	}
}

void panic(const char *fmt, ...)
{
	va_list ap;

	enter();
	kprintf("\nPANIC: ");
	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	backtrace((unsigned long)__builtin_return_address(0) - 1, read_rbp());
	stop();
}

static void dump_registers(const struct trapframe *tf)
{
	kprintf("rip %016lx  cs  %04lx  rflags %016lx\n", tf->rip, tf->cs, tf->rflags);
	kprintf("rsp %016lx  ss  %04lx  error  %016lx\n", tf->rsp, tf->ss, tf->error);
	kprintf("rax %016lx  rbx %016lx  rcx %016lx\n", tf->rax, tf->rbx, tf->rcx);
	kprintf("rdx %016lx  rsi %016lx  rdi %016lx\n", tf->rdx, tf->rsi, tf->rdi);
	kprintf("rbp %016lx  r8  %016lx  r9  %016lx\n", tf->rbp, tf->r8, tf->r9);
	kprintf("r10 %016lx  r11 %016lx  r12 %016lx\n", tf->r10, tf->r11, tf->r12);
	kprintf("r13 %016lx  r14 %016lx  r15 %016lx\n", tf->r13, tf->r14, tf->r15);
	kprintf("cr0 %016lx  cr3 %016lx  cr4 %016lx\n", read_cr0(), read_cr3(), read_cr4());
}

void print_pf_error(unsigned long addr, unsigned long err)
{
	kprintf("page fault at %016lx: %s, %s, %s%s%s\n", addr,
		err & PF_PRESENT ? "protection violation" : "not-present page",
		err & PF_WRITE ? "write" : "read",
		err & PF_USER ? "user mode" : "kernel mode",
		err & PF_INSTR ? ", instruction fetch" : "",
		err & PF_RSVD ? ", reserved bit set" : "");
}

void panic_trap(struct trapframe *tf)
{
	enter();
	kprintf("\nPANIC: %s (vector %lu) in %s mode\n", trap_name(tf->vector),
		tf->vector, trap_from_user(tf) ? "user" : "kernel");
	if (tf->vector == T_PAGE_FAULT)
		print_pf_error(read_cr2(), tf->error);
	dump_registers(tf);
	backtrace(tf->rip, tf->rbp);
	stop();
}
