/*
 * What rflags the kernel runs with, and what it gives back to user mode.
 *
 * Entry: a program can set DF, AC, NT and TF, and none of them may follow
 * it into the kernel.  The syscall instruction clears them with its mask
 * (arch/syscall.c); the interrupt gates clear TF and NT, and the trap stubs
 * load RFLAGS_KERNEL before anything else (arch/vectors.asm), which clears
 * DF and AC too.  swtch() saves and restores rflags per thread, so no flag
 * travels from one process's kernel code to another's.
 *
 * Exit: user_return() runs on every way back to user mode.  It takes the
 * signals that are due (kernel/signal.c), which may rewrite the frame to
 * start a handler; then it keeps only
 * the flags a program may own, turns interrupts on, and refuses a frame
 * whose rip is not canonical: sysret would fault in kernel mode on the
 * user's stack, iretq in kernel mode with the user's gs loaded.  A frame
 * that iretq refuses all the same (a bad selector, say) faults on the one
 * iretq to user mode, user_iretq; bad_iret() turns that fault into
 * SIGSEGV for the process, as Linux does.
 */
#include "arch/entry.h"
#include "arch/x86.h"
#include "kernel/uapi.h"
#include "kernel/biglock.h"
#include "kernel/printk.h"
#include "kernel/proc.h"

/* What a program may hold in rflags: what popfq lets it set, and RF, which
 * the CPU sets in the frame of a fault so the retried instruction does not
 * hit its breakpoint again.  Never IOPL, IF, VM, VIF or VIP. */
#define RFLAGS_USER     (RFLAGS_CF | RFLAGS_PF | RFLAGS_AF | RFLAGS_ZF | RFLAGS_SF | \
			 RFLAGS_TF | RFLAGS_DF | RFLAGS_OF | RFLAGS_RF | RFLAGS_AC | \
			 RFLAGS_ID)

/* The first address past the lower canonical half (48-bit addresses). */
#define CANONICAL_END   (1UL << 47)

void user_iretq(void);
void syscall_entry(void);

int user_frame_ok(struct trapframe *tf)
{
	tf->rflags = (tf->rflags & RFLAGS_USER) | RFLAGS_IF | RFLAGS_RESERVED;
	return tf->rip < CANONICAL_END;
}

static void __attribute__((noreturn)) kill_current(const char *why, uint64_t rip)
{
	pr_info("pid %d (%s): %s at rip %lx, killed by signal %d\n", current->pid,
		current->name, why, rip, SIGSEGV);
	proc_exit(W_SIGNALED(SIGSEGV));
}

/* 1 if signals rewrote tf: then only iretq restores all of it.  The last
 * kernel code on the way out: it lets the big lock go. */
int user_return(struct trapframe *tf)
{
	int rewritten = signal_deliver(tf);

	if (!user_frame_ok(tf))
		kill_current("return to a non-canonical address", tf->rip);
	big_lock_drop();
	return rewritten;
}

/*
 * A syscall made with TF set: the mask clears TF, and Linux expects no
 * single-step trap in the kernel from it (QEMU raises none), but Bochs
 * traps on the entry's first instruction, before swapgs and on the user's
 * stack; #DB has a stack of its own (IST_DEBUG) for this.  The trap is
 * dropped, and the program gets its SIGTRAP once sysret restores TF, as
 * on Linux.
 */
int syscall_single_step(struct trapframe *tf)
{
	return tf->vector == T_DEBUG && tf->rip == (uint64_t)syscall_entry;
}

/*
 * A fault on user_iretq came with the user's gs already loaded; the trap
 * stub swapped it back (arch/vectors.asm).  The frame iretq refused is at
 * the fault's rsp.
 */
int bad_iret(struct trapframe *tf)
{
	const uint64_t *refused = (const uint64_t *)tf->rsp;

	if (tf->rip != (uint64_t)user_iretq || !current)
		return 0;
	kill_current("iretq refused the frame", refused[0]);
}
