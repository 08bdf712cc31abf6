/*
 * The entry and exit paths' rflags policy and the checked return to user
 * mode (arch/entry.c).  The last two tests run a process whose user frame
 * is forged: one with a non-canonical rip, which user_return refuses, and
 * one with a kernel stack selector, which iretq refuses with a #GP in
 * kernel mode.  Either way the process must die of SIGSEGV, the kernel
 * live on, and gs hold the kernel's base again.
 */
#include <stddef.h>
#include "tests/ktest.h"
#include "arch/cpu.h"
#include "arch/percpu.h"
#include "arch/entry.h"
#include "arch/fpu.h"
#include "arch/gdt.h"
#include "arch/x86.h"
#include "kernel/biglock.h"
#include "kernel/proc.h"
#include "kernel/spinlock.h"
#include "kernel/sched.h"
#include "mm/mm.h"

#define CANONICAL_END   (1UL << 47)
#define USER_RIP        0x401000UL      /* any canonical user address */
#define USER_RSP        0x7fff0000UL
#define RFLAGS_VM       (1UL << 17)
#define RFLAGS_VIF      (1UL << 19)
#define RFLAGS_VIP      (1UL << 20)

KTEST(entry, user_rflags_sanitised)
{
	struct trapframe tf = { .rip = USER_RIP, .rflags = ~0UL };
	uint64_t kept = RFLAGS_TF | RFLAGS_DF | RFLAGS_AC | RFLAGS_RF | RFLAGS_CF;

	KEXPECT(user_frame_ok(&tf));
	KEXPECT_EQ(tf.rflags & kept, kept);
	KEXPECT_EQ(tf.rflags & (RFLAGS_IOPL | RFLAGS_NT | RFLAGS_VM | RFLAGS_VIF | RFLAGS_VIP), 0);
	KEXPECT_EQ(tf.rflags & (RFLAGS_IF | RFLAGS_RESERVED), RFLAGS_IF | RFLAGS_RESERVED);
	tf.rflags = 0;
	KEXPECT(user_frame_ok(&tf));
	KEXPECT_EQ(tf.rflags, RFLAGS_IF | RFLAGS_RESERVED);
}

KTEST(entry, noncanonical_rip_refused)
{
	struct trapframe tf = { .rip = CANONICAL_END - 1 };

	KEXPECT(user_frame_ok(&tf));
	tf.rip = CANONICAL_END;
	KEXPECT(!user_frame_ok(&tf));
	tf.rip = DMAP_BASE;
	KEXPECT(!user_frame_ok(&tf));
}

/* A trap taken with DF and AC set runs its handler with both clear. */
KTEST(entry, trap_clears_df_and_ac)
{
	uint64_t set = RFLAGS_DF | RFLAGS_AC;

	trap_expect(T_BREAKPOINT, 0);
	__asm__ volatile("pushfq; orq %0, (%%rsp); popfq; int3; pushfq; notq %0; "
			 "andq %0, (%%rsp); popfq" : "+r"(set) :: "memory", "cc");
	KEXPECT_EQ(trap_caught(), 1);
	KEXPECT_EQ(trap_caught_rflags() & (RFLAGS_DF | RFLAGS_AC), 0);
	KEXPECT_EQ(read_rflags() & (RFLAGS_DF | RFLAGS_AC), 0);
}

/* Runs a process with an empty address space and the user frame given,
 * until it ends; returns its wait status. */
static int run_forged(uint64_t rip, uint64_t ss)
{
	struct proc *p = proc_alloc();
	int status;

	KEXPECT(p != NULL);
	if (!p)
		return 0;
	p->mm = mm_new();
	p->sig.hand = signal_hand_new();        /* the return to user mode looks */
	KEXPECT(p->mm != NULL && p->sig.hand != NULL);
	proc_set_name(p, "forged");
	p->fpu = *fpu_initial();
	*p->tf = (struct trapframe){ .rip = rip, .cs = SEL_UCODE, .ss = ss,
				     .rsp = USER_RSP, .rflags = RFLAGS_IF | RFLAGS_RESERVED };
	p->state = RUNNABLE;
	push_cli();
	big_lock_take();                /* user_return lets it go */
	while (p->mm && p->state != ZOMBIE)
		sched_run(p);
	big_lock_drop();
	pop_cli();
	status = p->wait_status;
	proc_free(p);
	KEXPECT_EQ(rdmsr(MSR_GS_BASE), (uint64_t)&cpus[0]);
	return status;
}

KTEST(entry, noncanonical_rip_kills)
{
	KEXPECT_EQ(run_forged(CANONICAL_END, SEL_UDATA), W_SIGNALED(SIGSEGV));
}

KTEST(entry, bad_iret_kills)
{
	KEXPECT_EQ(run_forged(USER_RIP, SEL_KDATA | 3), W_SIGNALED(SIGSEGV));
}
