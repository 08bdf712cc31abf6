/*
 * Setting up the syscall instruction (Intel SDM vol. 2, SYSCALL): its entry
 * point, the segments it loads (STAR; see the selector order in
 * arch/gdt.h), and the rflags bits it clears on entry.
 */
#include "arch/cpu.h"
#include "arch/gdt.h"
#include "arch/x86.h"

#define MSR_STAR        0xc0000081
#define MSR_LSTAR       0xc0000082
#define MSR_FMASK       0xc0000084
#define MSR_GS_BASE     0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102
#define RFLAGS_TF       (1UL << 8)
#define RFLAGS_DF       (1UL << 10)
#define RFLAGS_AC       (1UL << 18)
#define STAR_USER_BASE  (SEL_UDATA - 8 - 3)     /* sysret adds 8 (ss) and 16 (cs) */

struct cpu_block cpu_block;

void syscall_entry(void);

void syscall_init(void)
{
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	wrmsr(MSR_STAR, ((uint64_t)STAR_USER_BASE << 48) | ((uint64_t)SEL_KCODE << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_FMASK, RFLAGS_IF | RFLAGS_TF | RFLAGS_DF | RFLAGS_AC);
	wrmsr(MSR_GS_BASE, (uint64_t)&cpu_block);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}
