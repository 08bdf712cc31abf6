/*
 * sysfuzz's calls made as no C program makes them: with flags set in
 * RFLAGS, with rsp pointing anywhere, from the last bytes of user space;
 * and memory touched with those flags set.  See sysfuzz.c.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "sysfuzz.h"

#define TOP_ODDS_OF_RETURN	4	/* of those, from the top page */
#define RED_ZONE		128	/* below rsp, the compiler's own */

/* RFLAGS bits a program may set and the kernel must not inherit. */
#define RFLAGS_TF		(1UL << 8)
#define RFLAGS_DF		(1UL << 10)
#define RFLAGS_NT		(1UL << 14)
#define RFLAGS_AC		(1UL << 18)
static const uint64_t flag_bits[] = { RFLAGS_TF, RFLAGS_DF, RFLAGS_NT, RFLAGS_AC };

/* "syscall", then nothing: at the top of user space it returns to the
 * first non-canonical address. */
static const unsigned char syscall_insn[] = { 0x0f, 0x05 };

long raw_syscall(long nr, const uint64_t a[NR_ARGS])
{
	register uint64_t r10 __asm__("r10") = a[3];
	register uint64_t r8 __asm__("r8") = a[4];
	register uint64_t r9 __asm__("r9") = a[5];
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10),
			   "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/* The call made with `flags` set in RFLAGS (and clear again after it). */
long flagged_syscall(long nr, const uint64_t a[NR_ARGS], uint64_t flags)
{
	register uint64_t r10 __asm__("r10") = a[3];
	register uint64_t r8 __asm__("r8") = a[4];
	register uint64_t r9 __asm__("r9") = a[5];
	long ret;

	__asm__ volatile("sub %[rz], %%rsp\n\t"
			 "pushfq\n\t"
			 "or %[set], (%%rsp)\n\t"
			 "popfq\n\t"
			 "syscall\n\t"
			 "pushfq\n\t"
			 "and %[keep], (%%rsp)\n\t"
			 "popfq\n\t"
			 "cld\n\t"
			 "add %[rz], %%rsp"
			 : "=a"(ret)
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10),
			   "r"(r8), "r"(r9), [set] "r"(flags), [keep] "r"(~flags),
			   [rz] "i"(RED_ZONE)
			 : "rcx", "r11", "memory", "cc");
	return ret;
}

/* The call made with rsp at sp: the kernel must not need our stack. */
static long bad_stack_syscall(long nr, const uint64_t a[NR_ARGS], uint64_t sp)
{
	register uint64_t r10 __asm__("r10") = a[3];
	register uint64_t r8 __asm__("r8") = a[4];
	register uint64_t r9 __asm__("r9") = a[5];
	long ret;

	__asm__ volatile("mov %%rsp, %%r12\n\t"
			 "mov %[sp], %%rsp\n\t"
			 "syscall\n\t"
			 "mov %%r12, %%rsp"
			 : "=a"(ret)
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10),
			   "r"(r8), "r"(r9), [sp] "r"(sp)
			 : "rcx", "r11", "r12", "memory");
	return ret;
}

/* The call made from the last two bytes of user space: it returns, if at
 * all, to USER_TOP, which is not canonical, and the child dies there. */
static void top_syscall(long nr, const uint64_t a[NR_ARGS])
{
	register uint64_t r10 __asm__("r10") = a[3];
	register uint64_t r8 __asm__("r8") = a[4];
	register uint64_t r9 __asm__("r9") = a[5];

	__asm__ volatile("sub %[rz], %%rsp\n\t"
			 "call *%[at]"
			 :
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10),
			   "r"(r8), "r"(r9), [at] "r"(USER_TOP - sizeof(syscall_insn)),
			   [rz] "i"(RED_ZONE)
			 : "rcx", "r11", "memory");
}

/* A byte at addr read or written with `flags` set: a fault taken there
 * (demand-zero, copy-on-write, or fatal) meets them in the kernel. */
static void flagged_touch(uint64_t addr, int write, uint64_t flags)
{
	__asm__ volatile("sub %[rz], %%rsp\n\t"
			 "pushfq\n\t"
			 "or %[set], (%%rsp)\n\t"
			 "popfq\n\t"
			 "test %[w], %[w]\n\t"
			 "jz 1f\n\t"
			 "movb %%al, (%[p])\n\t"
			 "jmp 2f\n"
			 "1:\tmovb (%[p]), %%al\n"
			 "2:\tpushfq\n\t"
			 "and %[keep], (%%rsp)\n\t"
			 "popfq\n\t"
			 "cld\n\t"
			 "add %[rz], %%rsp"
			 :
			 : [p] "r"(addr), [w] "r"(write), [set] "r"(flags),
			   [keep] "r"(~flags), [rz] "i"(RED_ZONE)
			 : "rax", "memory", "cc");
}

void raw_exit(int code)
{
	uint64_t a[NR_ARGS] = { (uint64_t)code };

	for (;;)
		raw_syscall(SYS_exit_group, a);
}

/* Maps the page below USER_TOP with a syscall instruction at its very
 * end, if the kernel lets us (Linux does not; its page stays unmapped).
 * Returns whether it did. */
int map_top_page(void)
{
	char *p = mmap((void *)(USER_TOP - PAGE_SIZE), PAGE_SIZE,
		       PROT_READ | PROT_WRITE | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (p == MAP_FAILED)
		return 0;
	memcpy(p + PAGE_SIZE - sizeof(syscall_insn), syscall_insn, sizeof(syscall_insn));
	return 1;
}

int top_page_mapped;

/* Some of TF, DF, NT and AC; never none. */
uint64_t pick_flags(uint64_t *rng)
{
	uint64_t flags = 0;

	while (!flags)
		for (unsigned i = 0; i < ARRAY_LEN(flag_bits); i++)
			flags |= below(rng, 2) ? flag_bits[i] : 0;
	return flags;
}

/* A touch with flags set; TF would trap before the access, so never TF. */
void touch(uint64_t *rng, uint64_t flags)
{
	static const int kinds[] = {            /* mostly where the child lives on */
		V_BUFFER, V_BUFFER, V_BUFFER, V_BUFFER, V_RESULT, V_READ_ONLY,
		V_UNMAPPED, V_KERNEL,
	};
	uint64_t addr = value(rng, kinds[below(rng, ARRAY_LEN(kinds))]);
	int write = below(rng, 2);

	flags &= ~RFLAGS_TF;
	flagged_touch(addr, write, flags ? flags : RFLAGS_DF);
}

/* A call that returns to an odd place: from the top page, or with rsp
 * anywhere (kernel, non-canonical, unmapped, low, zero). */
long odd_return(uint64_t *rng, long nr, const uint64_t a[NR_ARGS])
{
	static const int stacks[] = { V_KERNEL, V_NONCANONICAL, V_UNMAPPED, V_LOW, V_USER_TOP };

	if (top_page_mapped && !below(rng, TOP_ODDS_OF_RETURN)) {
		top_syscall(nr, a);
		raw_exit(EXIT_FAILURE);                 /* not reached */
	}
	return bad_stack_syscall(nr, a, value(rng, stacks[below(rng, ARRAY_LEN(stacks))]));
}
