/*
 * The frame a signal handler runs on, laid out as Linux lays it out on
 * x86-64, so that C libraries' restorers and ucontext_t read it unchanged.
 *
 *   interrupted rsp  (or the top of the alternate stack, SA_ONSTACK)
 *   | red zone, 128 bytes: the interrupted function may be using it
 *   +------------------------------------+  64-byte aligned
 *   | FPU state: 512-byte FXSAVE area    |  <- uc.mcontext.fpstate
 *   +------------------------------------+
 *   | siginfo (128 bytes)                |  <- rsi (SA_SIGINFO's 2nd argument)
 *   | ucontext: flags, link, stack,      |  <- rdx (3rd)
 *   |   mcontext (struct sigcontext),    |
 *   |   sigmask (the mask to restore)    |
 *   | pretcode = sa_restorer             |  <- rsp at handler entry,
 *   +------------------------------------+     16-byte aligned minus 8
 *
 * The handler returns into sa_restorer as if called from there; the
 * restorer's rt_sigreturn finds the frame at rsp - 8 (pretcode popped)
 * and sigframe_pop() takes the interrupted state back, checking all of it:
 * the frame is the program's to forge.
 */
#include <stddef.h>
#include <string.h>
#include "kernel/signal.h"
#include "kernel/proc.h"
#include "kernel/errno.h"
#include "mm/uaccess.h"
#include "arch/fpu.h"
#include "arch/gdt.h"
#include "arch/x86.h"

#define RED_ZONE        128
#define FPSTATE_ALIGN   64
#define STACK_ALIGN     16
#define CALL_PUSH       8               /* a call's return address */
#define SIGINFO_SIZE    128
#define ENTRY_FLAGS_CLEARED (RFLAGS_DF | RFLAGS_TF | RFLAGS_RF)

/* Linux's struct sigcontext (the mcontext of ucontext_t). */
struct usigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, rflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate;               /* user address of the FXSAVE area */
	uint64_t reserved[8];
};

struct ustack {
	uint64_t sp;
	int32_t flags;
	uint64_t size;
};

struct uucontext {
	uint64_t flags, link;
	struct ustack stack;
	struct usigcontext mcontext;
	uint64_t sigmask;
};

struct usiginfo {
	int32_t signo, errno_, code, pad;
	union {
		struct { int32_t pid, uid, status; } proc;      /* kill, SIGCHLD */
		uint64_t addr;                                  /* faults */
		uint8_t bytes[SIGINFO_SIZE - 4 * sizeof(int32_t)];
	};
};

struct rt_sigframe {
	uint64_t pretcode;
	struct uucontext uc;
	struct usiginfo info;
};

_Static_assert(sizeof(struct usigcontext) == 256, "Linux's sigcontext");
_Static_assert(sizeof(struct uucontext) == 304, "Linux's ucontext");
_Static_assert(sizeof(struct usiginfo) == SIGINFO_SIZE, "Linux's siginfo");

int on_altstack(const struct altstack *ss, uint64_t sp)
{
	return ss->flags != SS_DISABLE && sp - ss->sp < ss->size;
}

/* Where the frame goes: below the red zone, or on the alternate stack. */
static uint64_t frame_top(const struct trapframe *tf, const struct ksigaction *act)
{
	const struct altstack *ss = &current->sig.altstack;

	if ((act->flags & SA_ONSTACK) && ss->flags != SS_DISABLE && ss->size &&
	    !on_altstack(ss, tf->rsp))
		return ss->sp + ss->size;
	return tf->rsp - RED_ZONE;
}

static void save_regs(struct usigcontext *sc, const struct trapframe *tf)
{
	*sc = (struct usigcontext){
		tf->r8, tf->r9, tf->r10, tf->r11, tf->r12, tf->r13, tf->r14, tf->r15,
		tf->rdi, tf->rsi, tf->rbp, tf->rbx, tf->rdx, tf->rax, tf->rcx, tf->rsp,
		tf->rip, tf->rflags, SEL_UCODE, 0, 0, SEL_UDATA,
		.err = tf->error, .trapno = tf->vector,
	};
	if (tf->vector == T_PAGE_FAULT)
		sc->cr2 = read_cr2();
}

static void fill_info(struct usiginfo *u, int sig, const struct sig_info *info)
{
	u->signo = sig;
	u->code = info->code;
	if (info->addr)
		u->addr = info->addr;
	else
		u->proc.pid = info->pid, u->proc.status = info->status;
}

/* rt_sigtimedwait's siginfo, as a handler would have had it. */
long siginfo_to_user(void *uinfo, int sig, const struct sig_info *info)
{
	struct usiginfo u;

	memset(&u, 0, sizeof(u));
	fill_info(&u, sig, info);
	return copy_to_user(uinfo, &u, sizeof(u)) < 0 ? -EFAULT : 0;
}

static void build(struct rt_sigframe *f, const struct trapframe *tf,
		  const struct sigframe_args *a, uint64_t fpstate)
{
	const struct altstack *ss = &current->sig.altstack;

	memset(f, 0, sizeof(*f));
	f->pretcode = a->act->restorer;
	f->uc.stack = (struct ustack){ ss->sp, ss->flags, ss->size };
	if (on_altstack(ss, tf->rsp))
		f->uc.stack.flags |= SS_ONSTACK;
	save_regs(&f->uc.mcontext, tf);
	f->uc.mcontext.oldmask = a->old_mask;
	f->uc.mcontext.fpstate = fpstate;
	f->uc.sigmask = a->old_mask;
	fill_info(&f->info, a->sig, a->info);
}

/* Pushes the frame and points tf at the handler; -EFAULT if the frame does
 * not fit where it must go, or if there is no restorer to return through. */
int sigframe_push(struct trapframe *tf, const struct sigframe_args *a)
{
	uint64_t fp = (frame_top(tf, a->act) - sizeof(struct fpu_state)) & ~(FPSTATE_ALIGN - 1UL);
	uint64_t frame = ((fp - sizeof(struct rt_sigframe)) & ~(STACK_ALIGN - 1UL)) - CALL_PUSH;
	struct rt_sigframe f;
	struct fpu_state fpu;

	if (!(a->act->flags & SA_RESTORER))
		return -EFAULT;                 /* nowhere to return to, as in Linux */
	build(&f, tf, a, fp);
	fpu_save(&fpu);
	if (copy_to_user((void *)fp, &fpu, sizeof(fpu)) < 0 ||
	    copy_to_user((void *)frame, &f, sizeof(f)) < 0)
		return -EFAULT;
	tf->rip = a->act->handler;
	tf->rsp = frame;
	tf->rdi = a->sig;
	tf->rsi = frame + offsetof(struct rt_sigframe, info);
	tf->rdx = frame + offsetof(struct rt_sigframe, uc);
	tf->rax = 0;
	tf->cs = SEL_UCODE;
	tf->ss = SEL_UDATA;
	tf->rflags &= ~ENTRY_FLAGS_CLEARED;
	fpu_restore(fpu_initial());             /* a handler starts with a clean FPU */
	return 0;
}

/* The FPU state of a frame: none means the initial one; a forged MXCSR
 * would make fxrstor fault in the kernel, so it is refused. */
static int restore_fpu(uint64_t ufp)
{
	struct fpu_state fpu;

	if (!ufp) {
		fpu_restore(fpu_initial());
		return 0;
	}
	if (copy_from_user(&fpu, (const void *)ufp, sizeof(fpu)) < 0 || !fpu_valid(&fpu))
		return -EFAULT;
	fpu_restore(&fpu);
	return 0;
}

static void restore_regs(struct trapframe *tf, const struct usigcontext *sc)
{
	tf->r8 = sc->r8, tf->r9 = sc->r9, tf->r10 = sc->r10, tf->r11 = sc->r11;
	tf->r12 = sc->r12, tf->r13 = sc->r13, tf->r14 = sc->r14, tf->r15 = sc->r15;
	tf->rdi = sc->rdi, tf->rsi = sc->rsi, tf->rbp = sc->rbp, tf->rbx = sc->rbx;
	tf->rdx = sc->rdx, tf->rax = sc->rax, tf->rcx = sc->rcx, tf->rsp = sc->rsp;
	tf->rip = sc->rip;
	tf->rflags = sc->rflags;        /* user_return() keeps only the user's flags */
	tf->cs = SEL_UCODE;
	tf->ss = SEL_UDATA;
}

/*
 * rt_sigreturn: takes back the state the frame at rsp - 8 holds, and the
 * mask in *mask; -EFAULT for a frame that cannot be read, a code selector
 * other than the user's (Linux's iretq would fault on it), or a bad FPU
 * state.  rip is checked by user_return().
 */
int sigframe_pop(struct trapframe *tf, uint64_t *mask)
{
	struct rt_sigframe f;
	const struct usigcontext *sc = &f.uc.mcontext;

	if (copy_from_user(&f, (const void *)(tf->rsp - CALL_PUSH), sizeof(f)) < 0)
		return -EFAULT;
	if ((sc->cs | 3) != SEL_UCODE || restore_fpu(sc->fpstate) < 0)
		return -EFAULT;
	restore_regs(tf, sc);
	*mask = f.uc.sigmask;
	return 0;
}
