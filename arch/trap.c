/*
 * Where every interrupt and exception lands: trap_dispatch().
 *
 * An exception in user mode is the process's: a page fault may be resolved
 * (mm/fault.c); otherwise the process takes the signal Linux would send:
 * its handler runs (and retries the instruction if it returns), or,
 * with none, the process dies of it.
 * In kernel mode, a page fault on a user address taken by one of the
 * uaccess instructions is resolved the same way or fixed up to -EFAULT;
 * anything else is a kernel bug, and panics.
 */
#include "arch/trap.h"
#include "arch/entry.h"
#include "arch/lapic.h"
#include "arch/percpu.h"
#include "arch/irq.h"
#include "arch/x86.h"
#include "kernel/biglock.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "kernel/proc.h"
#include "kernel/sched.h"
#include "kernel/errno.h"
#include "kernel/uapi.h"
#include "mm/tlb.h"
#include "mm/uaccess.h"

static const char *const names[T_NR_EXCEPTIONS] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range exceeded", "invalid opcode", "device not available",
	"double fault", "coprocessor segment overrun", "invalid TSS",
	"segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 floating point", "alignment check",
	"machine check", "SIMD floating point", "virtualization",
	"control protection",
};

static struct {
	uint64_t vector;
	int skip;
	int armed;
	int caught;
	uint64_t rflags;                /* what the handler ran with */
} expect;

const char *trap_name(uint64_t vector)
{
	if (vector < T_NR_EXCEPTIONS && names[vector])
		return names[vector];
	return vector < T_NR_EXCEPTIONS ? "reserved" : "interrupt";
}

int trap_from_user(const struct trapframe *tf)
{
	return (tf->cs & 3) == 3;
}

void trap_expect(uint64_t vector, int skip)
{
	expect.vector = vector;
	expect.skip = skip;
	expect.caught = 0;
	expect.armed = 1;
}

int trap_caught(void)
{
	return expect.caught;
}

uint64_t trap_caught_rflags(void)
{
	return expect.rflags;
}

static int take_expected(struct trapframe *tf)
{
	if (!expect.armed || expect.vector != tf->vector)
		return 0;
	expect.armed = 0;
	expect.caught++;
	expect.rflags = read_rflags();
	tf->rip += expect.skip;
	return 1;
}

/* The signal Linux sends for a user exception. */
static int exception_signal(uint64_t vector)
{
	switch (vector) {
	case T_DIVIDE: case T_X87: case T_SIMD: return SIGFPE;
	case T_DEBUG: case T_BREAKPOINT: return SIGTRAP;
	case T_INVALID_OP: return SIGILL;
	case T_STACK: case T_ALIGNMENT: return SIGBUS;
	default: return SIGSEGV;
	}
}

/* si_code and si_addr of the signal for a user exception, as Linux's. */
static int exception_code(const struct trapframe *tf, int sig, uint64_t *addr)
{
	*addr = tf->rip;
	switch (sig) {
	case SIGFPE: return tf->vector == T_DIVIDE ? FPE_INTDIV : 0;
	case SIGILL: return ILL_ILLOPN;
	case SIGTRAP: return TRAP_BRKPT;
	case SIGBUS: return BUS_ADRERR;
	}
	*addr = 0;
	return SI_KERNEL;
}

static void user_exception(struct trapframe *tf)
{
	int sig = exception_signal(tf->vector), code;
	uint64_t addr = read_cr2(), at;

	if (tf->vector == T_PAGE_FAULT) {
		int r = handle_fault(current->mm, addr, tf->error);

		if (!r) {
			current->usage.minflt++;
			return;
		}
		sig = r == -ENOMEM || r == -ENXIO ? SIGBUS : SIGSEGV;
		code = sig == SIGBUS ? BUS_ADRERR :
		       vma_find(current->mm, addr) ? SEGV_ACCERR : SEGV_MAPERR;
		at = addr;
	} else {
		code = exception_code(tf, sig, &at);
	}
	if (signal_fault(sig, code, at))
		return;
	pr_info("pid %d (%s): %s at rip %lx, killed by signal %d\n", current->pid,
		current->name, trap_name(tf->vector), tf->rip, sig);
	if (tf->vector == T_PAGE_FAULT)
		print_pf_error(addr, tf->error);
	proc_exit(W_SIGNALED(sig));
}

/* A kernel fault on a user address, inside a uaccess routine. */
static int kernel_user_fault(struct trapframe *tf)
{
	uint64_t addr = read_cr2(), fixup = uaccess_fixup(tf->rip);

	if (tf->vector != T_PAGE_FAULT || !fixup || addr >= USER_TOP || !current)
		return 0;
	if (handle_fault(current->mm, addr, tf->error) < 0)
		tf->rip = fixup;
	return 1;
}

static void exception(struct trapframe *tf)
{
	if (trap_from_user(tf))
		user_exception(tf);
	else if (!take_expected(tf) && !kernel_user_fault(tf) && !bad_iret(tf))
		panic_trap(tf);
}

static void dispatch(struct trapframe *tf)
{
	if (tf->vector == T_TLB_SHOOTDOWN)
		return;
	if (tf->vector >= IRQ_BASE && tf->vector < IRQ_BASE + NR_IRQS)
		irq_dispatch(tf->vector - IRQ_BASE);
	else if (tf->vector == T_LAPIC_TIMER)
		lapic_timer_irq();
	else if (tf->vector == T_RESCHEDULE)
		sched_kicked();
	else if (tf->vector < T_NR_EXCEPTIONS)
		exception(tf);
	else if (tf->vector != T_LAPIC_SPURIOUS)
		panic_trap(tf);
}

/* Interrupts whose handlers touch only their own CPU's data: a shootdown
 * request, a reschedule kick, and an AP's tick (only the boot CPU's tick
 * moves the clock). */
static int own_cpu_only(const struct trapframe *tf)
{
	return tf->vector == T_TLB_SHOOTDOWN || tf->vector == T_RESCHEDULE ||
	       tf->vector == T_LAPIC_SPURIOUS ||
	       (tf->vector == T_LAPIC_TIMER && this_cpu() != &cpus[0]);
}

/*
 * The big lock (kernel/biglock.h) is taken here on the way in from user
 * mode, and let go by user_return on the way out; an interrupt that wakes
 * the idle loop takes it for its handler alone, unless the handler touches
 * only its CPU's data.  A trap in kernel mode elsewhere comes from code
 * that holds it already.  A shootdown request is answered first, without
 * it: the CPU that asks holds it.  A #DB on syscall_entry's first
 * instruction is ignored before anything else: it comes before that
 * entry's swapgs, so the GS base is the user's and this_cpu() unusable.
 */
void trap_dispatch(struct trapframe *tf)
{
	int user, idle;

	if (syscall_single_step(tf))
		return;
	user = trap_from_user(tf);
	idle = !user && !big_lock_held();
	if (tf->vector == T_TLB_SHOOTDOWN) {
		tlb_answer();
		lapic_eoi();
	}
	if (idle && own_cpu_only(tf)) {
		dispatch(tf);
		return;
	}
	if (user || idle)
		big_lock_take();
	dispatch(tf);
	if (idle)
		big_lock_drop();
	if (user) {
		proc_check_killed();
		preempt_point();
		proc_check_killed();
	}
}
