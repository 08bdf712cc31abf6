/*
 * The signal frame, as Linux lays it out on x86-64: a handler sees every
 * register of the interrupted code in its ucontext, and what it changes
 * there is what the code resumes with, once rt_sigreturn restores it:
 * every general register, the flags, and the FPU state (which the
 * handler may clobber freely).  A fault goes to its handler with si_addr
 * and si_code (SIGSEGV, SIGILL, SIGFPE), and the instruction is retried
 * if the handler returns, unless the handler moved rip past it;
 * siglongjmp leaves the handler for good.  SA_ONSTACK runs a handler on
 * the sigaltstack.  A frame that does not fit on the stack, or a forged
 * FPU state, ends the process with SIGSEGV.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include "check.h"

/* Linux's ucontext on x86-64: mcontext's registers from byte 40, in this
 * order; the FPU state's address after them. */
#define UC_GREGS_OFF	40
enum {
	G_R8, G_R9, G_R10, G_R11, G_R12, G_R13, G_R14, G_R15, G_RDI, G_RSI,
	G_RBP, G_RBX, G_RDX, G_RAX, G_RCX, G_RSP, G_RIP, G_EFL, G_CSGSFS,
	G_ERR, G_TRAPNO, G_OLDMASK, G_CR2, G_FPSTATE, NR_GREGS_USED,
};
#define FX_MXCSR	24	/* in the FXSAVE area */
#define FX_XMM0		160
#define MXCSR_RESERVED	(1U << 20)
#define RFLAGS_CF	(1UL << 0)
#define RFLAGS_DF	(1UL << 10)
#define NR_KEPT		14	/* the registers the asm below sets and reads */
#define XMM_PATTERN	0x0123456789abcdefUL
#define BAD_STACK	0x1000UL	/* never mapped */

/* The registers, in the order the asm names them. */
static const int kept[NR_KEPT] = {
	G_RAX, G_RBX, G_RCX, G_RDX, G_RSI, G_RDI, G_R8, G_R9, G_R10, G_R11,
	G_R12, G_R13, G_R14, G_R15,
};
static unsigned long got[NR_KEPT], got_flags, got_xmm0;
static volatile unsigned long saw_xmm0, saw_flags;
static volatile int hits;

static unsigned long *gregs(void *uc)
{
	return (unsigned long *)((char *)uc + UC_GREGS_OFF);
}

static unsigned long value(int i)
{
	return 0x1010101010101010UL * (unsigned long)(i + 1);
}

/* Checks the frame, asks for every register plus one, and clobbers the
 * live registers and the FPU. */
static void bump(int sig, siginfo_t *si, void *uc)
{
	unsigned long *g = gregs(uc);
	unsigned char *fx = (unsigned char *)g[G_FPSTATE];

	(void)sig, (void)si;
	hits++;
	saw_flags = g[G_EFL];
	saw_xmm0 = fx ? *(unsigned long *)(fx + FX_XMM0) : 0;
	for (int i = 0; i < NR_KEPT; i++)
		g[kept[i]] += 1;
	__asm__ volatile("xor %%eax, %%eax; xor %%ecx, %%ecx; xor %%edx, %%edx; "
			 "xor %%esi, %%esi; xor %%edi, %%edi; xor %%r8d, %%r8d; "
			 "xor %%r9d, %%r9d; xor %%r10d, %%r10d; xor %%r11d, %%r11d; "
			 "pxor %%xmm0, %%xmm0; cld; clc"
			 ::: "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
			   "r11", "xmm0", "cc");
}

static int install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa = { .sa_sigaction = fn, .sa_flags = SA_SIGINFO | flags };

	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* Sets every register, takes a SIGTRAP (int3), and reads them back. */
static void trap_with_registers(void)
{
	unsigned long xmm = XMM_PATTERN;

	__asm__ volatile(
		"movq %[xmm], %%xmm0\n\t"
		"movabs $0x1010101010101010, %%rax\n\t"
		"movabs $0x2020202020202020, %%rbx\n\t"
		"movabs $0x3030303030303030, %%rcx\n\t"
		"movabs $0x4040404040404040, %%rdx\n\t"
		"movabs $0x5050505050505050, %%rsi\n\t"
		"movabs $0x6060606060606060, %%rdi\n\t"
		"movabs $0x7070707070707070, %%r8\n\t"
		"movabs $0x8080808080808080, %%r9\n\t"
		"movabs $0x9090909090909090, %%r10\n\t"
		"movabs $0xa0a0a0a0a0a0a0a0, %%r11\n\t"
		"movabs $0xb0b0b0b0b0b0b0b0, %%r12\n\t"
		"movabs $0xc0c0c0c0c0c0c0c0, %%r13\n\t"
		"movabs $0xd0d0d0d0d0d0d0d0, %%r14\n\t"
		"movabs $0xe0e0e0e0e0e0e0e0, %%r15\n\t"
		"std\n\tstc\n\t"
		"int3\n\t"
		"pushfq\n\tpopq %[flags]\n\tcld\n\t"
		"movq %%xmm0, %[xmm0]\n\t"
		"mov %%rax, %[g0]\n\tmov %%rbx, %[g1]\n\tmov %%rcx, %[g2]\n\t"
		"mov %%rdx, %[g3]\n\tmov %%rsi, %[g4]\n\tmov %%rdi, %[g5]\n\t"
		"mov %%r8, %[g6]\n\tmov %%r9, %[g7]\n\tmov %%r10, %[g8]\n\t"
		"mov %%r11, %[g9]\n\tmov %%r12, %[g10]\n\tmov %%r13, %[g11]\n\t"
		"mov %%r14, %[g12]\n\tmov %%r15, %[g13]\n\t"
		: [flags] "=m"(got_flags), [xmm0] "=m"(got_xmm0),
		  [g0] "=m"(got[0]), [g1] "=m"(got[1]), [g2] "=m"(got[2]),
		  [g3] "=m"(got[3]), [g4] "=m"(got[4]), [g5] "=m"(got[5]),
		  [g6] "=m"(got[6]), [g7] "=m"(got[7]), [g8] "=m"(got[8]),
		  [g9] "=m"(got[9]), [g10] "=m"(got[10]), [g11] "=m"(got[11]),
		  [g12] "=m"(got[12]), [g13] "=m"(got[13])
		: [xmm] "m"(xmm)
		: "rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
		  "r11", "r12", "r13", "r14", "r15", "xmm0", "cc", "memory");
}

static int registers(void *unused)
{
	(void)unused;
	CHECK_EQ(install(SIGTRAP, bump, 0), 0);
	trap_with_registers();
	CHECK_EQ(hits, 1);
	for (int i = 0; i < NR_KEPT; i++)
		if (got[i] != value(i) + 1)
			fprintf(stderr, "register %d: %#lx, expected %#lx\n", i, got[i],
				value(i) + 1);
	for (int i = 0; i < NR_KEPT; i++)
		CHECK(got[i] == value(i) + 1);
	CHECK(saw_flags & RFLAGS_DF);
	CHECK(got_flags & RFLAGS_DF);
	CHECK(got_flags & RFLAGS_CF);
	CHECK(saw_xmm0 == XMM_PATTERN);
	CHECK(got_xmm0 == XMM_PATTERN);
	return test_result();
}

static sigjmp_buf out;
static void *volatile fault_addr;
static volatile int fault_code;
static char *volatile page;

static void segv(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	fault_addr = si->si_addr;
	fault_code = si->si_code;
	siglongjmp(out, sig);
}

/* A handler that returns: the access is made again, and now succeeds. */
static void unprotect(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	hits++;
	fault_addr = si->si_addr;
	mprotect(page, PAGE_SIZE, PROT_READ | PROT_WRITE);
}

static int segv_codes(void *unused)
{
	sigset_t mask;

	(void)unused;
	page = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED);
	CHECK_EQ(install(SIGSEGV, segv, 0), 0);
	if (sigsetjmp(out, 1) == 0)
		*(volatile int *)(page + 8) = 1;
	CHECK(fault_addr == page + 8);
	CHECK_EQ(fault_code, SEGV_ACCERR);
	CHECK_EQ(munmap(page, PAGE_SIZE), 0);
	if (sigsetjmp(out, 1) == 0)
		*(volatile int *)(page + 16) = 1;
	CHECK(fault_addr == page + 16);
	CHECK_EQ(fault_code, SEGV_MAPERR);
	CHECK_EQ(sigprocmask(SIG_BLOCK, NULL, &mask), 0);
	CHECK_EQ(sigismember(&mask, SIGSEGV), 0);      /* siglongjmp restored it */
	return test_result();
}

static int segv_retry(void *unused)
{
	(void)unused;
	page = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED);
	CHECK_EQ(install(SIGSEGV, unprotect, 0), 0);
	page[100] = 42;
	CHECK_EQ(page[100], 42);
	CHECK_EQ(hits, 1);
	CHECK(fault_addr == page + 100);
	return test_result();
}

#define UD2_LEN		2
static volatile int zero, one = 1, sink;

/* Steps over the ud2 it is called for: the instruction is not retried. */
static void skip_ud2(int sig, siginfo_t *si, void *uc)
{
	unsigned long *g = gregs(uc);

	(void)sig;
	hits++;
	fault_addr = si->si_addr;
	fault_code = si->si_code;
	if (g[G_RIP] == (unsigned long)si->si_addr)
		g[G_RIP] += UD2_LEN;
}

static int illegal(void *unused)
{
	(void)unused;
	CHECK_EQ(install(SIGILL, skip_ud2, 0), 0);
	__asm__ volatile("ud2");
	CHECK_EQ(hits, 1);
	CHECK_EQ(fault_code, ILL_ILLOPN);
	return test_result();
}

static int divide(void *unused)
{
	(void)unused;
	CHECK_EQ(install(SIGFPE, segv, 0), 0);
	if (sigsetjmp(out, 1) == 0)
		sink = one / zero;
	CHECK_EQ(fault_code, FPE_INTDIV);
	return test_result();
}

static char *volatile alt_base;
static volatile int on_alt;

static void where(int sig, siginfo_t *si, void *uc)
{
	char local;
	stack_t now;

	(void)sig, (void)si, (void)uc;
	on_alt = &local >= alt_base && &local < alt_base + SIGSTKSZ;
	sigaltstack(NULL, &now);
	on_alt &= (now.ss_flags & SS_ONSTACK) != 0;
}

static int altstack(void *unused)
{
	static char stack[SIGSTKSZ];
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) }, old;

	(void)unused;
	alt_base = stack;
	CHECK_EQ(sigaltstack(NULL, &old), 0);
	CHECK_EQ(old.ss_flags, SS_DISABLE);
	ss.ss_size = MINSIGSTKSZ - 1;
	CHECK_ERR(sigaltstack(&ss, NULL), ENOMEM);
	ss.ss_size = sizeof(stack);
	CHECK_EQ(sigaltstack(&ss, NULL), 0);
	CHECK_EQ(install(SIGUSR1, where, SA_ONSTACK), 0);
	raise(SIGUSR1);
	CHECK_EQ(on_alt, 1);
	CHECK_EQ(install(SIGUSR1, where, 0), 0);
	raise(SIGUSR1);
	CHECK_EQ(on_alt, 0);
	return test_result();
}

/* With rsp at an unmapped page, the frame cannot be pushed. */
static int no_room(void *unused)
{
	(void)unused;
	CHECK_EQ(install(SIGTRAP, bump, 0), 0);
	__asm__ volatile("mov %0, %%rsp\n\tint3" :: "i"(BAD_STACK) : "memory");
	return TEST_FAIL;
}

static void bad_mxcsr(int sig, siginfo_t *si, void *uc)
{
	unsigned char *fx = (unsigned char *)gregs(uc)[G_FPSTATE];

	(void)sig, (void)si;
	*(uint32_t *)(fx + FX_MXCSR) |= MXCSR_RESERVED;
}

static int forged_fpu(void *unused)
{
	(void)unused;
	CHECK_EQ(install(SIGUSR1, bad_mxcsr, 0), 0);
	raise(SIGUSR1);
	return TEST_FAIL;
}

int main(void)
{
	CHECK_EXITED(run_in_child(registers, NULL), 0);
	CHECK_EXITED(run_in_child(segv_codes, NULL), 0);
	CHECK_EXITED(run_in_child(segv_retry, NULL), 0);
	CHECK_EXITED(run_in_child(illegal, NULL), 0);
	CHECK_EXITED(run_in_child(divide, NULL), 0);
	CHECK_EXITED(run_in_child(altstack, NULL), 0);
	CHECK_KILLED(run_in_child(no_room, NULL), SIGSEGV);
	CHECK_KILLED(run_in_child(forged_fpu, NULL), SIGSEGV);
	return test_result();
}
