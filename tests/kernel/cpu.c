/* CPU setup and the kernel's own page tables (arch/cpu.c, mm/kmap.c). */
#include <stddef.h>
#include "tests/ktest.h"
#include "arch/cpu.h"
#include "arch/fpu.h"
#include "arch/x86.h"
#include "mm/kmap.h"

#define FXSAVE_MXCSR    24              /* offset of MXCSR in the FXSAVE area */
#define MXCSR_DEFAULT   0x1f80

KTEST(cpu, protections_on)
{
	KEXPECT(read_cr0() & CR0_WP);
	KEXPECT(!cpu_has.nx || (rdmsr(MSR_EFER) & EFER_NXE));
	KEXPECT(!cpu_has.smep || (read_cr4() & CR4_SMEP));
	KEXPECT(!cpu_has.smap || (read_cr4() & CR4_SMAP));
	KEXPECT(read_cr4() & CR4_OSFXSR);
}

KTEST(cpu, fpu_state_round_trip)
{
	static struct fpu_state saved;
	uint64_t in = 0x0123456789abcdefUL, out;

	KEXPECT_EQ(*(uint32_t *)&fpu_initial()->area[FXSAVE_MXCSR], MXCSR_DEFAULT);
	__asm__ volatile("movq %0, %%xmm0" :: "r"(in));   /* the kernel never uses xmm */
	fpu_save(&saved);
	__asm__ volatile("pxor %xmm0, %xmm0");
	fpu_restore(&saved);
	__asm__ volatile("movq %%xmm0, %0" : "=r"(out));
	KEXPECT_EQ(out, in);
}

static pte_t leaf(void *va)
{
	pte_t *e = pt_walk(kernel_pgd, (uint64_t)va, PT_PTE, NULL);

	return e ? *e : 0;
}

KTEST(kmap, image_permissions)
{
	pte_t text = leaf(__text_start), rodata = leaf(__rodata_start), data = leaf(__data_start);
	pte_t nx = cpu_has.nx ? PTE_NX : 0;

	KEXPECT((text & PTE_P) && !(text & PTE_W) && !(text & PTE_NX));
	KEXPECT((rodata & PTE_P) && !(rodata & PTE_W) && (rodata & PTE_NX) == nx);
	KEXPECT((data & PTE_P) && (data & PTE_W) && (data & PTE_NX) == nx);
	KEXPECT(!((text | rodata | data) & PTE_U));
}

KTEST(kmap, low_half_unmapped)
{
	int mapped = 0;

	for (int i = 0; i < USER_PTRS_PER_PGD; i++)
		mapped += !!(kernel_pgd[i] & PTE_P);
	KEXPECT_EQ(mapped, 0);
}

KTEST(kmap, direct_map_reaches_frames)
{
	pte_t *e = pt_walk(kernel_pgd, DMAP_BASE + BOOT_MAPPED - PMD_SIZE, PT_PMD, NULL);

	KEXPECT(e && (*e & PTE_PS) && (*e & PTE_W));
	KEXPECT(!cpu_has.nx || (*e & PTE_NX));
	KEXPECT_EQ(pte_pa(*e), BOOT_MAPPED - PMD_SIZE);
}
