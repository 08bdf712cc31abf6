/*
 * CPU setup: read the features we care about from CPUID, then turn on the
 * protections a kernel for studying memory must have (NX, CR0.WP so the
 * kernel obeys read-only user pages, SMEP/SMAP where present) and SSE for
 * user programs.  CR0.AM lets a program that sets AC have its unaligned
 * accesses checked (SIGBUS), as on Linux; it never applies to the kernel.
 */
#include <string.h>
#include "arch/cpu.h"
#include "arch/x86.h"
#include "kernel/panic.h"

#define CPUID_FEATURES        1
#define CPUID_EXT_FEATURES    7
#define CPUID_EXT_FEAT        0x80000001
#define CPUID_HYPERVISOR      0x40000000
#define CPUID_1_ECX_HYPERVISOR (1U << 31)
#define CPUID_1_EDX_PGE       (1U << 13)
#define CPUID_1_EDX_FXSR      (1U << 24)
#define CPUID_1_EDX_SSE2      (1U << 26)
#define CPUID_7_EBX_SMEP      (1U << 7)
#define CPUID_7_EBX_SMAP      (1U << 20)
#define CPUID_EXT_EDX_NX      (1U << 20)

struct cpu_features cpu_has;

/* Which hypervisor runs us: QEMU's emulator and KVM both say so in CPUID,
 * and benchmarks must report which one they ran on. */
static void read_hypervisor(void)
{
	uint32_t r[4];

	cpuid(CPUID_HYPERVISOR, 0, r);
	memcpy(cpu_has.hypervisor, &r[1], 4);
	memcpy(cpu_has.hypervisor + 4, &r[2], 4);
	memcpy(cpu_has.hypervisor + 8, &r[3], 4);
}

static void read_features(void)
{
	uint32_t r[4];

	cpuid(0, 0, r);
	memcpy(cpu_has.vendor, &r[1], 4);
	memcpy(cpu_has.vendor + 4, &r[3], 4);
	memcpy(cpu_has.vendor + 8, &r[2], 4);
	cpuid(CPUID_FEATURES, 0, r);
	if (r[2] & CPUID_1_ECX_HYPERVISOR)
		read_hypervisor();
	cpu_has.pge = !!(r[3] & CPUID_1_EDX_PGE);
	cpu_has.fxsr = !!(r[3] & CPUID_1_EDX_FXSR);
	cpu_has.sse2 = !!(r[3] & CPUID_1_EDX_SSE2);
	cpuid(CPUID_EXT_FEATURES, 0, r);
	cpu_has.smep = !!(r[1] & CPUID_7_EBX_SMEP);
	cpu_has.smap = !!(r[1] & CPUID_7_EBX_SMAP);
	cpuid(CPUID_EXT_FEAT, 0, r);
	cpu_has.nx = !!(r[3] & CPUID_EXT_EDX_NX);
}

void cpu_init(void)
{
	read_features();
	if (!cpu_has.fxsr || !cpu_has.sse2)
		panic("forklab needs a CPU with FXSAVE and SSE2");
	cpu_setup();
}

/* On every CPU; the boot CPU's features stand for all of them. */
void cpu_setup(void)
{
	uint64_t cr4 = read_cr4();

	write_cr0((read_cr0() | CR0_WP | CR0_MP | CR0_AM) & ~CR0_EM);
	cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT;
	cr4 |= cpu_has.pge ? CR4_PGE : 0;
	cr4 |= cpu_has.smep ? CR4_SMEP : 0;
	cr4 |= cpu_has.smap ? CR4_SMAP : 0;
	write_cr4(cr4);
	if (cpu_has.nx)
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
}
