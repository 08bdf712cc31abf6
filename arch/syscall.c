/*
 * Setting up the syscall instruction (Intel SDM vol. 2, SYSCALL): its entry
 * point, the segments it loads (STAR; see the selector order in
 * arch/gdt.h), and the rflags bits it clears on entry.
 *
 * The mask holds every flag the kernel must not run with just because the
 * program had it: IF (no interrupts before the kernel stack is ours), TF
 * (no single-stepping the kernel), DF (the kernel's rep movs/stos run
 * forwards), AC (SMAP stays on), NT (an iretq in the kernel would take it
 * for a task return and fault) and IOPL.  The program's own rflags are in
 * r11 and come back through the trapframe (arch/entry.c).
 */
#include "arch/cpu.h"
#include "arch/gdt.h"
#include "arch/x86.h"

#define MSR_STAR        0xc0000081
#define MSR_LSTAR       0xc0000082
#define MSR_FMASK       0xc0000084
#define STAR_USER_BASE  (SEL_UDATA - 8 - 3)     /* sysret adds 8 (ss) and 16 (cs) */

void syscall_entry(void);

void syscall_init(void)
{
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	wrmsr(MSR_STAR, ((uint64_t)STAR_USER_BASE << 48) | ((uint64_t)SEL_KCODE << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_FMASK, RFLAGS_IF | RFLAGS_TF | RFLAGS_DF | RFLAGS_AC | RFLAGS_NT | RFLAGS_IOPL);
}
