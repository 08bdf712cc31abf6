/*
 * rt_sigreturn with a frame the program made up, as an attacker would:
 * the kernel may restore only what a program may hold.  A kernel code
 * selector, a non-canonical or kernel rip, or a frame on an unmapped
 * stack end the process with SIGSEGV; IOPL in the flags is dropped; a
 * well-formed frame resumes where it says, with the mask it holds.  And
 * a handler at a kernel address faults, in user mode, with SIGSEGV, as
 * does one installed without a restorer to return through.
 */
#include <signal.h>
#include <stdint.h>
#include "check.h"

#define NR_RT_SIGACTION	13
#define NR_RT_SIGRETURN	15
#define KERNEL_SIGSET	8		/* bytes of the kernel's sigset_t */
#define FRAME_BYTES	440		/* pretcode, ucontext, siginfo */
#define UC_OFF		8
#define UC_GREGS_OFF	40
#define UC_SIGMASK_OFF	296
enum { G_RSP = 15, G_RIP = 16, G_EFL = 17, G_CSGSFS = 18 };
#define RFLAGS_IF	(1UL << 9)
#define RFLAGS_IOPL	(3UL << 12)
#define RFLAGS_RESERVED	(1UL << 1)
#define KERNEL_CS	0x08
#define NONCANONICAL	0x0000800000000000UL
#define KERNEL_ADDR	0xffffffff80100000UL
#define UNMAPPED	0x1000UL
#define STACK_BYTES	16384
#define CALL_PUSH	8

static unsigned char frame[FRAME_BYTES] __attribute__((aligned(16)));
static unsigned char stack[STACK_BYTES] __attribute__((aligned(16)));

static unsigned long *gregs(void)
{
	return (unsigned long *)(frame + UC_OFF + UC_GREGS_OFF);
}

static unsigned short selector_cs(void)
{
	unsigned short s;

	__asm__("mov %%cs, %0" : "=r"(s));
	return s;
}

static unsigned short selector_ss(void)
{
	unsigned short s;

	__asm__("mov %%ss, %0" : "=r"(s));
	return s;
}

/* Where a good forged frame resumes: it must run with no IOPL and with
 * SIGUSR1 blocked, as the frame's mask says. */
static void landing(void)
{
	sigset_t mask;

	if (__builtin_ia32_readeflags_u64() & RFLAGS_IOPL)
		_exit(2);
	if (sigprocmask(SIG_BLOCK, NULL, &mask) < 0 || sigismember(&mask, SIGUSR1) != 1)
		_exit(3);
	_exit(0);
}

/* A frame that would resume landing() on our own stack. */
static void good_frame(void)
{
	unsigned long *g = gregs();
	sigset_t mask;

	memset(frame, 0, sizeof(frame));
	g[G_RIP] = (unsigned long)landing;
	g[G_RSP] = (unsigned long)(stack + STACK_BYTES - CALL_PUSH);
	g[G_EFL] = RFLAGS_IF | RFLAGS_RESERVED;
	g[G_CSGSFS] = selector_cs() | (unsigned long)selector_ss() << 48;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	memcpy(frame + UC_OFF + UC_SIGMASK_OFF, &mask, sizeof(unsigned long));
}

static void sigreturn_at(unsigned long frame_addr)
{
	__asm__ volatile("mov %0, %%rsp\n\tsyscall"
			 :: "r"(frame_addr + CALL_PUSH), "a"(NR_RT_SIGRETURN)
			 : "memory");
}

enum forgery { GOOD, IOPL, KERNEL_SELECTOR, BAD_RIP, KERNEL_RIP, BAD_STACK };

static int forge(void *arg)
{
	enum forgery f = *(enum forgery *)arg;
	unsigned long *g = gregs();

	good_frame();
	if (f == IOPL)
		g[G_EFL] |= RFLAGS_IOPL;
	else if (f == KERNEL_SELECTOR)
		g[G_CSGSFS] = (g[G_CSGSFS] & ~0xffffUL) | KERNEL_CS;
	else if (f == BAD_RIP)
		g[G_RIP] = NONCANONICAL;
	else if (f == KERNEL_RIP)
		g[G_RIP] = KERNEL_ADDR;
	sigreturn_at(f == BAD_STACK ? UNMAPPED : (unsigned long)frame);
	return TEST_FAIL;
}

static int kernel_handler(void *unused)
{
	struct sigaction sa = { .sa_handler = (void (*)(int))KERNEL_ADDR };

	(void)unused;
	sigemptyset(&sa.sa_mask);
	CHECK_EQ(sigaction(SIGUSR1, &sa, NULL), 0);
	raise(SIGUSR1);
	return TEST_FAIL;
}

static void nothing(int sig)
{
	(void)sig;
}

/* Linux's x86-64 signal frame needs a restorer: without SA_RESTORER (which
 * C libraries always set) the handler has nowhere to return to. */
static int no_restorer(void *unused)
{
	unsigned long act[4] = { (unsigned long)nothing, 0, 0, 0 };

	(void)unused;
	CHECK_EQ(raw_syscall4(NR_RT_SIGACTION, SIGUSR1, (unsigned long)act, 0, KERNEL_SIGSET), 0);
	kill(getpid(), SIGUSR1);
	return TEST_FAIL;
}

int main(void)
{
	enum forgery good = GOOD, iopl = IOPL, sel = KERNEL_SELECTOR, rip = BAD_RIP,
		     krip = KERNEL_RIP, stk = BAD_STACK;

	CHECK_EXITED(run_in_child(forge, &good), 0);
	CHECK_EXITED(run_in_child(forge, &iopl), 0);
	CHECK_KILLED(run_in_child(forge, &sel), SIGSEGV);
	CHECK_KILLED(run_in_child(forge, &rip), SIGSEGV);
	CHECK_KILLED(run_in_child(forge, &krip), SIGSEGV);
	CHECK_KILLED(run_in_child(forge, &stk), SIGSEGV);
	CHECK_KILLED(run_in_child(kernel_handler, NULL), SIGSEGV);
	CHECK_KILLED(run_in_child(no_restorer, NULL), SIGSEGV);
	return test_result();
}
